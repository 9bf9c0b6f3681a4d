# The TypeErrors and ValueErrors @dataclass and field() raise while a class
# is being defined, with CPython's messages.
from dataclasses import KW_ONLY, dataclass, field


def attempt(make):
    try:
        make()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)


def mutable_list():
    @dataclass
    class Job:
        name: str
        tags: list = []


def mutable_dict():
    @dataclass
    class Job:
        options: dict = {}


def mutable_set():
    @dataclass
    class Job:
        seen: set = set()


@dataclass
class Inner:
    x: int = 0


def mutable_dataclass():
    @dataclass
    class Outer:
        inner: Inner = Inner()


def non_default_after_default():
    @dataclass
    class Job:
        name: str = "x"
        delay: float


def inherited_non_default():
    @dataclass
    class Base:
        a: int = 1

    @dataclass
    class Derived(Base):
        b: int


def both_defaults():
    field(default=1, default_factory=list)


def order_without_eq():
    @dataclass(order=True, eq=False)
    class A:
        x: int


def field_without_annotation():
    @dataclass
    class A:
        x = field(default=1)


def frozen_from_plain():
    @dataclass
    class A:
        x: int

    @dataclass(frozen=True)
    class B(A):
        y: int


def plain_from_frozen():
    @dataclass(frozen=True)
    class A:
        x: int

    @dataclass
    class B(A):
        y: int


def overwrite_lt():
    @dataclass(order=True)
    class A:
        x: int

        def __lt__(self, other):
            return True


def overwrite_setattr():
    @dataclass(frozen=True)
    class A:
        x: int

        def __setattr__(self, name, value):
            pass


def unsafe_hash_with_hash():
    @dataclass(unsafe_hash=True)
    class A:
        x: int

        def __hash__(self):
            return 1


def two_kw_only_markers():
    @dataclass
    class A:
        x: int
        _: KW_ONLY
        y: int
        __: KW_ONLY


def not_mutable_tuple():
    @dataclass
    class A:
        t: tuple = (1, 2)
        f: frozenset = frozenset()

    print(A())


for case in (mutable_list, mutable_dict, mutable_set, mutable_dataclass, non_default_after_default,
             inherited_non_default, both_defaults, order_without_eq, field_without_annotation,
             frozen_from_plain, plain_from_frozen, overwrite_lt, overwrite_setattr, unsafe_hash_with_hash,
             two_kw_only_markers, not_mutable_tuple):
    attempt(case)


@dataclass
class Job:
    name: str
    tags: list = []
