# @dataclass options: order, frozen, unsafe_hash, eq=False, init=False,
# repr=False, kw_only, and the hash rules CPython applies.
from dataclasses import FrozenInstanceError, KW_ONLY, dataclass, field


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)


vs = [Version(1, 2), Version(0, 9, "beta"), Version(1, 0), Version(1, 2, "rc")]
print(sorted(vs))
print(Version(1, 2) < Version(1, 3), Version(2) >= Version(1, 9), Version(1) <= Version(1, 0, "x"))
print(max(vs), min(vs))
try:
    Version(1) < (1, 0)
except TypeError as e:
    print("TypeError:", e)


@dataclass(frozen=True)
class Config:
    host: str
    port: int = 8080


c = Config("localhost")
print(c, hash(c) == hash(Config("localhost")), {c: 1}[Config("localhost")])
try:
    c.port = 1
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e, isinstance(e, AttributeError))
try:
    del c.host
except AttributeError as e:
    print(type(e).__name__ + ":", e)
try:
    c.extra = 1
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print(len({Config("a"), Config("a"), Config("b")}))


@dataclass(unsafe_hash=True)
class Key:
    a: int
    b: list = field(default_factory=list, hash=False)


print(hash(Key(1)) == hash(Key(1, [2])), Key(1) == Key(1, [2]))


@dataclass(eq=False)
class Handle:
    fd: int


h = Handle(3)
print(h == Handle(3), h == h, len({h, Handle(3)}))


@dataclass(init=False, repr=False)
class Manual:
    x: int = 1

    def __init__(self, value):
        self.x = value * 2


m = Manual(5)
print(m.x, m == Manual(5), repr(m).startswith("<__main__.Manual object at"))


@dataclass
class Custom:
    a: int

    def __repr__(self):
        return "Custom!"

    def __eq__(self, other):
        return True


print(Custom(1), Custom(1) == Custom(2))
try:
    hash(Custom(1))
except TypeError as e:
    print("TypeError:", e)


@dataclass
class Explicit:
    a: int

    def __hash__(self):
        return 7


print(hash(Explicit(1)))


@dataclass(kw_only=True)
class Options:
    verbose: bool = False
    retries: int


print(Options(retries=3))
try:
    Options(True, 3)
except TypeError as e:
    print("TypeError:", e)


@dataclass
class Request:
    url: str
    _: KW_ONLY
    timeout: float = 10.0
    method: str = "GET"


print(Request("http://x", method="POST"))
try:
    Request("http://x", 5)
except TypeError as e:
    print("TypeError:", e)


@dataclass
class Mixed:
    a: int
    b: int = field(default=2, kw_only=True)
    c: int = 3


print(Mixed(1), Mixed(1, 5, b=7))
print(Mixed.__match_args__, Request.__match_args__)
print(Config.__dataclass_params__)
