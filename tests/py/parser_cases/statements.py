# Every statement form of the subset, with CPython's positions.
import asyncio
import os.path as p, sys
from . import a
from ..m.n import (x as y, z,)
from asyncio import *
x = 1
a = b = c, d
a, *b = [1, 2, 3]
[a, (b, c)] = x
x.y[0] = 1; del x.y, x[1:2]
x += 1; x -= 1; x *= 2; x /= 2; x //= 2; x %= 2; x **= 2
x <<= 1; x >>= 1; x &= 1; x |= 1; x ^= 1
if a:
    pass
elif b:
    pass
elif c: pass
else:
    pass
while x:
    break
else:
    pass
for i, j in zip(a, b):
    if i: continue
else:
    pass
try:
    pass
except ValueError as e:
    raise
except (TypeError, KeyError):
    raise RuntimeError("x") from e
except:
    pass
else:
    pass
finally:
    pass
try:
    pass
except* ValueError as eg:
    pass
with open(f) as g, lock:
    pass
with (a as b, c as d,):
    pass
assert x, "message"
assert x
global q
def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:
    "doc"
    nonlocal_value = 1
    return
def g(*, k): return k
@decorator
@module.deco(arg)
async def h(x: int = 5) -> None:
    async with a as b:
        await b
    async for i in aiter():
        yield i
class C(Base, metaclass=Meta):
    attr = 1
    def method(self):
        def inner():
            nonlocal attr2
            attr2 = 2
        attr2 = 1
        return self.attr
@dataclass
class D: pass
if __name__ == "__main__":
    asyncio.run(main())
