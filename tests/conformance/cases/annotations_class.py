# Variable annotations in class bodies: recorded in the class's own
# __annotations__ (readable as Cls.__annotations__), values become class
# attributes, bare annotations bind nothing.


class Job:
    name: str
    delay: float = 1.0
    retries: int = 3
    (hidden): int = 9

    def __init__(self, name):
        self.name = name
        self.started: bool = False

    def describe(self):
        return f"{self.name} after {self.delay}s ({self.retries} retries)"


print(Job.__annotations__)
print(Job.delay, Job.retries, Job.hidden)
print(hasattr(Job, "name"))
j = Job("build")
print(j.describe(), j.started)
print("started" in Job.__annotations__)


class Outer:
    label: str = "outer"

    class Inner:
        size: int = 2
        weight: "float"

    count: int


print(Outer.__annotations__)
print(Outer.Inner.__annotations__)


class Base:
    a: int = 1


class Derived(Base):
    b: str = "two"


print(Derived.__annotations__)
print(Base.__annotations__)
print(Derived.a, Derived.b)


def make():
    kind = "local"

    class Local:
        tag: str = kind
        other: type(kind)

    return Local


L = make()
print(L.tag, L.__annotations__)
