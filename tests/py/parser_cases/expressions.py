# Expressions: precedence, associativity, displays, comprehensions.
a or b and not c
a if b else c if d else e
lambda: 0
lambda x, y=1, *a, z, w=2, **k: x
a < b <= c == d != e > f >= g is h is not i in j not in k
a | b ^ c & d << e >> f + g - h * i / j // k % l
-a ** -b ** c
~+-x
2 ** 3 ** 4
a.b.c(d)[e](f, *g, h=i, **j)
x[1:2], x[::2], x[:], x[1:2:3], x[a, b:c], x[()], x[-1]
(), (1,), (1, 2), [], [1, 2,], {}, {1: 2, **d, 3: 4}, {1, 2, *s}
[i * 2 for i in range(10) if i % 2 if i > 3]
{k: v for k, v in d.items()}
{x for x in y for y in z}
sum(x for x in y)
f((x for x in y), 1)
print(*args, sep='', end="\n", **kw)
await_ = 1
None, True, False, ...
(a
 + b)
x = \
    5
x = [
    1,
    2,
]
not not not x
- - - - x
a and b and c or d or e
(a, b) = c
a[b][c].d = e
def gen():
    (yield)
    x = yield
    x = yield a, b
    x = yield from g
    yield
async def agen():
    return [await x async for x in y]
x[*a], x[*a, 1:2]
