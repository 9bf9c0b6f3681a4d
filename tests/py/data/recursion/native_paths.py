# Runaway recursions that pass through built-in code (repr() calling
# __repr__, a property, ==, list() draining a generator...) raise
# RecursionError too; the program carries on. (How many levels each reaches
# is CPython's C-stack accounting, not checked here.)
class Repr:
    def __repr__(self):
        return repr(self)


class Str:
    def __str__(self):
        return str(self)


class Eq:
    def __eq__(self, other):
        return self == other


class Prop:
    @property
    def value(self):
        return self.value


class Init:
    def __init__(self):
        Init()


class Call:
    def __call__(self):
        return self()


def sort_key(x):
    return sorted([1, 2], key=sort_key)


def delegate():
    yield from delegate()


def drain():
    yield list(drain())


cases = [
    ("repr", lambda: repr(Repr())),
    ("str", lambda: str(Str())),
    ("print", lambda: print(Str())),
    ("eq", lambda: Eq() == 1),
    ("property", lambda: Prop().value),
    ("init", lambda: Init()),
    ("call", lambda: Call()()),
    ("sorted key", lambda: sort_key(0)),
    ("map", lambda: list(map(lambda x: sort_key(x), [1]))),
    ("yield from", lambda: list(delegate())),
    ("list(generator)", lambda: list(drain())),
]
for name, case in cases:
    try:
        case()
    except RecursionError as e:
        print(name, type(e).__name__)
print("still running")
