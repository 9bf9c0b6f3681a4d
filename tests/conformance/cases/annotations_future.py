# `from __future__ import annotations`: annotations are stored as their
# source text (as CPython's unparser writes it) and never evaluated, so
# forward references work.
from __future__ import annotations


class Node:
    value: int
    next: Node | None = None
    children: list[Node] = []


print(Node.__annotations__)

a: dict[str, list[int]] | None = None
b: "Quoted"
c: tuple[int, ...]
d: Callable[[int, str], Awaitable[None]]
e: typing.Optional[Undefined]
f: x[1:2, ::3]
g: 2 ** -1
h: (a + b) * c
i: not (a and b) or c
j: tuple[()]
k: Literal["a", 'b', 3, -1.5, None, True]
m: {1: 2, **d}
n: f(x, *y, z=1, **w)
o: a if b else c
p: 1 .real
q: 1e400
r: 0x10
print(__annotations__)


def func():
    local: Undefined = 3
    return local


print(func())
