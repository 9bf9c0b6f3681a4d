# match: run-time errors of class and mapping patterns, soft keywords, async use.
import asyncio
from collections import defaultdict, deque, OrderedDict, Counter


class P:
    __match_args__ = ("x", "y")

    def __init__(self):
        self.x = 1
        self.y = 2


class Q:
    pass


class R:
    __match_args__ = ["x"]


def attempt(label, subject, fn):
    try:
        print(label, fn(subject))
    except (TypeError, ValueError) as e:
        print(label, type(e).__name__, e)


def not_a_class(s):
    match s:
        case len():
            return "len"


def too_many(s):
    match s:
        case P(1, 2, 3):
            return "three"


def no_match_args(s):
    match s:
        case Q(1):
            return "q"
        case _:
            return "other"


def list_match_args(s):
    match s:
        case R(1):
            return "r"


def repeated(s):
    match s:
        case P(1, x=1):
            return "p"


def dup_value_key(s):
    match s:
        case {P.k: 1, P.k: 2}:
            return "dup"
        case _:
            return "no"


def missing_attr(s):
    match s:
        case P(z=1):
            return "has z"
        case P(x=1, y=yy):
            return f"y is {yy}"


P.k = "a"
attempt("not a class", 1, not_a_class)
attempt("too many", P(), too_many)
attempt("no match args, other class", P(), no_match_args)
attempt("no match args", Q(), no_match_args)
attempt("list match args", R(), list_match_args)
attempt("repeated", P(), repeated)
attempt("dup key, short", {"a": 1}, dup_value_key)
attempt("dup key", {"a": 1, "b": 2}, dup_value_key)
attempt("missing attr", P(), missing_attr)


def kind(s):
    match s:
        case {"a": 1}:
            return "mapping with a=1"
        case [x, y]:
            return f"sequence {x} {y}"
        case str() | bytes():
            return "text"
        case _:
            return "other"


dd = defaultdict(int)
dd["b"] = 2
for s in [OrderedDict(a=1), Counter("aab"), dd, deque([1, 2]), "ab", b"ab", (1, 2), {1, 2}]:
    print(type(s).__name__, kind(s))
print(dict(dd))


async def handle(queue):
    while True:
        match await queue.get():
            case ("stop",):
                print("stopping")
                return
            case ("add", a, b) if await asyncio.sleep(0.1, result=True):
                print("sum", a + b)
            case ("sleep", float(t) | int(t)):
                await asyncio.sleep(t)
                print("slept", t)
            case other:
                print("unknown", other)


async def main():
    q = asyncio.Queue()
    for m in [("add", 1, 2), ("sleep", 0.5), ("sleep", 1), "nope", ("stop",)]:
        q.put_nowait(m)
    await handle(q)
    print(round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())


class case:
    match = 1


print(case.match)
match = [3]
match[0] = 4
print(match, [match for match in range(2)])

# Captures are bound only when the whole pattern matched (before the guard).
x = "before"
y = "before"
match [1, 2]:
    case [x, 3]:
        pass
    case (y, 5) | (y, 2) if y > 5:
        pass
    case _:
        pass
print(x, y)
match {"a": 1}:
    case {"a": x} if x > 0:
        print("bound", x)
