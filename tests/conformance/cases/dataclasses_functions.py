# The module's functions: fields, asdict, astuple, replace, is_dataclass;
# inheritance of fields; InitVar and ClassVar pseudo-fields.
from dataclasses import InitVar, asdict, astuple, dataclass, field, fields, is_dataclass, replace
from typing import ClassVar, Optional


@dataclass
class Base:
    id: int
    name: str = "unnamed"


@dataclass
class Employee(Base):
    salary: float = 0.0
    name: str = "staff"


e = Employee(1, salary=10.5)
print(e)
print([f.name for f in fields(e)], [f.name for f in fields(Employee)])
from dataclasses import MISSING
print([(f.name, f.type, f.default is MISSING) for f in fields(Base)])
print(Employee(2, "bob", 3.0) == Employee(2, "bob", 3.0))
print(isinstance(e, Base), Base(1) == Employee(1))


@dataclass
class Address:
    city: str
    zip: Optional[str] = None


@dataclass
class Person:
    name: str
    address: Address
    phones: list = field(default_factory=list)
    extra: dict = field(default_factory=dict)


p = Person("ann", Address("Oslo"), ["123"], {"k": Address("Rome", "001")})
print(asdict(p))
print(astuple(p))
print(asdict(p, dict_factory=lambda items: [k for k, v in items]))
d = asdict(p)
d["phones"].append("456")
print(p.phones)

q = replace(p, name="bob")
print(q, q.address is p.address)
try:
    replace(p, nickname="x")
except TypeError as err:
    print("TypeError:", err)

print(is_dataclass(p), is_dataclass(Person), is_dataclass(1), is_dataclass(dict))
for bad in (asdict, astuple):
    try:
        bad(Person)
    except TypeError as err:
        print("TypeError:", err)
try:
    fields(1)
except TypeError as err:
    print("TypeError:", err)
try:
    replace(1)
except TypeError as err:
    print("TypeError:", err)


@dataclass
class Counter:
    total: ClassVar[int] = 0
    start: InitVar[int] = 0
    value: int = field(init=False)

    def __post_init__(self, start):
        Counter.total += 1
        self.value = start * 10


c = Counter(4)
print(c, Counter.total, Counter(1), Counter.total)
print([f.name for f in fields(Counter)])
print(sorted(Counter.__dataclass_fields__))
try:
    replace(c, value=3)
except ValueError as err:
    print("ValueError:", err)
print(replace(c, start=2))


@dataclass
class Timed:
    label: str
    created: int = field(init=False, default=0)


t = Timed("x")
print(t, replace(t, label="y"))
