# match: literal, capture, wildcard, value, sequence, mapping, class, or, as, guards.
from dataclasses import dataclass
from collections import namedtuple
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2


@dataclass
class Point:
    x: int
    y: int


Pair = namedtuple("Pair", "left right")


class Circle:
    __match_args__ = ("radius",)

    def __init__(self, radius):
        self.radius = radius

    def __repr__(self):
        return f"Circle({self.radius})"


def describe(subject):
    match subject:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 2.5:
            return "two and a half"
        case "hello" | "hi":
            return "greeting"
        case None:
            return "nothing"
        case True:
            return "true"
        case Color.RED:
            return "red"
        case Color.GREEN as c:
            return f"green {c!r}"
        case []:
            return "empty sequence"
        case [x]:
            return f"one item {x}"
        case [x, y] if x == y:
            return f"pair of equal {x}"
        case [x, y]:
            return f"pair {x} {y}"
        case [first, *middle, last]:
            return f"first {first} middle {middle} last {last}"
        case {"action": "move", "to": [x, y]}:
            return f"move to {x},{y}"
        case {"action": action, **rest}:
            return f"action {action} rest {rest}"
        case {}:
            return "some mapping"
        case Point(x=0, y=0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on the y axis at {yy}"
        case Point(xx, 0):
            return f"on the x axis at {xx}"
        case Point() as p:
            return f"point {p}"
        case Pair(left, right=Point(x=px)):
            return f"pair with a point at x={px} and {left}"
        case Pair(a, b):
            return f"pair {a} {b}"
        case Circle(r) if r > 10:
            return f"big circle {r}"
        case Circle(radius=r):
            return f"circle {r}"
        case int(n) if n > 100:
            return f"big int {n}"
        case str() as s:
            return f"some string {s!r}"
        case float(f) | int(f):
            return f"number {f}"
        case (a, b, c):
            return f"triple {a} {b} {c}"
        case _:
            return "something else"


for value in [0, 2, -1, 2.5, "hi", None, True, False, Color.RED, Color.GREEN, [], [7], (4, 4), [1, 2],
              [1, 2, 3, 4], (1, 2, 3), range(2), {"action": "move", "to": [3, 4]},
              {"action": "jump", "height": 5, "speed": 1}, {"x": 1}, {}, Point(0, 0), Point(0, 5),
              Point(4, 0), Point(2, 3), Pair(1, Point(9, 9)), Pair("a", "b"), Circle(20), Circle(3),
              500, 50, "word", 7.5, object, "to"]:
    print(repr(value), "->", describe(value))


def command(text):
    match text.split():
        case ["go", direction]:
            print("going", direction)
        case ["drop", *objects]:
            print("dropping", objects)
        case ["quit" | "exit"]:
            print("bye")
        case [("north" | "south") as d, *_]:
            print("heading", d)
        case _:
            print("unknown", text)


for t in ["go north", "drop a b c", "drop", "quit", "exit", "south fast", "dance"]:
    command(t)

match = 5
print(match)
case = [1, 2]
print(case)


def match(x):
    return x * 2


print(match(21))

point = (3, 4)
match point:
    case (0, 0):
        print("origin")
    case (x, 0) | (0, x):
        print("on an axis", x)
    case (x, y):
        print("elsewhere", x, y)
print("after", x, y)

match 1, 2:
    case a, b:
        print("tuple subject", a, b)

for item in [[1, [2, 3]], [1, [2]], {"k": {"inner": 1}}]:
    match item:
        case [a, [b, c]]:
            print("nested", a, b, c)
        case [a, [b]]:
            print("nested short", a, b)
        case {"k": {"inner": v}}:
            print("nested mapping", v)

# namedtuples are tuples to isinstance/issubclass, as CPython's subclasses are.
p = Pair(1, 2)
print(isinstance(p, tuple), issubclass(Pair, tuple), isinstance(p, (int, tuple)), p[0], p[-1], p[:1], tuple(p))
print(p + (3,), p == (1, 2), len(p), list(reversed(p)), sorted(p), max(p))
