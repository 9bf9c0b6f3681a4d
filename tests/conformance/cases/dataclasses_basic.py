# The dataclasses tutorials use: @dataclass with defaults and
# default_factory, the generated __init__/__repr__/__eq__, and __post_init__.
from dataclasses import dataclass, field


@dataclass
class Job:
    name: str
    delay: float = 1.0
    tags: list[str] = field(default_factory=list)


a = Job("a")
print(a)
print(Job("b", 2, ["x"]))
print(Job(name="c", tags=["t"]))
print(a == Job("a"), a == Job("a", 2.0), a != Job("z"))
a.tags.append("late")
print(a, Job("a").tags)
print(Job.delay, hasattr(Job, "tags"))
print(Job.__init__.__qualname__, Job.__repr__.__qualname__)

try:
    Job()
except TypeError as e:
    print("TypeError:", e)
try:
    Job("a", 1, [], 4)
except TypeError as e:
    print("TypeError:", e)
try:
    Job("a", nam="x")
except TypeError as e:
    print("TypeError:", e)
try:
    hash(a)
except TypeError as e:
    print("TypeError:", e)


@dataclass
class Point:
    x: int
    y: int = 0

    def __post_init__(self):
        print("post_init", self.x, self.y)
        self.norm = abs(self.x) + abs(self.y)

    def moved(self, dx):
        return Point(self.x + dx, self.y)


p = Point(3, -4)
print(p, p.norm)
print(p.moved(1))
print(Point(1) == Point(1, 0), Point(1) == (1, 0))


class Outer:
    @dataclass
    class Inner:
        value: int


print(Outer.Inner(5))


def make():
    @dataclass
    class Local:
        items: dict = field(default_factory=dict)

    return Local()


print(make())


@dataclass()
class Empty:
    pass


print(Empty(), Empty() == Empty())


@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)


root = Node(1)
root.children.append(root)
print(root)


@dataclass
class Secret:
    user: str
    password: str = field(repr=False)
    attempts: int = field(default=0, compare=False)
    log: list = field(default_factory=list, init=False)


s = Secret("ann", "hunter2")
print(s, s.log)
print(s == Secret("ann", "hunter2", 5))
print(Secret.attempts)
