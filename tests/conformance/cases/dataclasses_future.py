# dataclasses under `from __future__ import annotations` (string annotations,
# forward references), `import dataclasses`, ClassVar, InitVar, field
# metadata, a field named `self`, and frozen inheritance.
from __future__ import annotations
import dataclasses
from dataclasses import dataclass, field, InitVar
from typing import ClassVar


@dataclasses.dataclass
class Node:
    value: int
    next: Node | None = None
    count: ClassVar[int] = 0
    self: str = "me"


n = Node(1, Node(2))
print(n, str(n), Node.count)
print([f.name for f in dataclasses.fields(Node)], [f.type for f in dataclasses.fields(Node)])
print(InitVar[int], InitVar[list[int]])
f = dataclasses.fields(Node)[0]
print(f.name, f.type, f.init, f.repr, f.hash, f.compare, f.metadata, f.kw_only)
g = field(default=1, metadata={"unit": "s"})
print(g.metadata["unit"], len(g.metadata), g.metadata)


@dataclass(frozen=True)
class P:
    x: int


@dataclass(frozen=True)
class Q(P):
    y: int = 0


q = Q(1, 2)
print(q, q == Q(1, 2), hash(q) == hash(Q(1, 2)))
print(Node.__eq__.__qualname__, Q.__setattr__.__qualname__, Q.__hash__.__qualname__)
print(dataclasses.is_dataclass(q), dataclasses.astuple(q))
try:
    q.x = 5
except dataclasses.FrozenInstanceError as e:
    print(type(e).__module__, type(e).__name__, e)
print(Node.__annotations__)
