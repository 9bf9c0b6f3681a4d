# enum: members, names, values, repr/str/format, iteration, lookup, aliases.
from enum import Enum, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # an alias of RED

    def describe(self):
        return f"{self.name.lower()} is number {self.value}"

    @property
    def warm(self):
        return self in (Color.RED,)

    @classmethod
    def default(cls):
        return cls.GREEN


print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value)
print(f"{Color.BLUE} | {Color.BLUE!r} | {Color.BLUE:>12} | {Color.BLUE.name}={Color.BLUE.value}")
print(str(Color.GREEN), format(Color.GREEN), "%s" % Color.GREEN)
print(list(Color))
print(len(Color), [c.name for c in Color], [c.value for c in reversed(Color)])
print(Color(2), Color["BLUE"], Color.CRIMSON, Color.CRIMSON is Color.RED, Color(1) is Color.RED)
print(Color.__members__)
print(list(Color.__members__), list(Color.__members__.items())[-1])
print(Color.RED in Color, Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.GREEN)
print(isinstance(Color.RED, Color), isinstance(Color.RED, Enum), type(Color.RED), type(Color.RED) is Color)
print(Color.RED.describe(), Color.RED.warm, Color.BLUE.warm, Color.default())
print(repr(Color), Color.__name__)
counts = {Color.RED: 0, Color.GREEN: 0}
for c in [Color.RED, Color.GREEN, Color.RED, Color.CRIMSON]:
    counts[c] += 1
print(counts)
print(sorted(Color, key=lambda c: c.value, reverse=True))
print({c.name: c.value for c in Color})


class Status(Enum):
    PENDING = auto()
    RUNNING = auto()
    DONE = auto()


print(list(Status), Status.DONE.value)


class Mixed(Enum):
    A = 10
    B = auto()
    C = "text"
    D = (1, 2)


print(list(Mixed), Mixed((1, 2)), Mixed("text"))


@unique
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return 6.67300E-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH, Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 3))

for which in [lambda: Color(7), lambda: Color["PURPLE"], lambda: Status(0)]:
    try:
        which()
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
except ValueError as e:
    print(e)
try:
    class More(Color):
        PURPLE = 4
except TypeError as e:
    print(e)
try:
    Color.RED = 4
except AttributeError as e:
    print(e)
try:
    Color.PURPLE
except AttributeError as e:
    print("AttributeError", e)


class Shape(Enum):
    CIRCLE = "circle"
    SQUARE = "square"

    def __str__(self):
        return self.value.title()


print(Shape.CIRCLE, f"[{Shape.SQUARE}]", repr(Shape.CIRCLE), Shape("square"))


class Ordinal(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name[::-1]

    NORTH = auto()
    SOUTH = auto()


print(list(Ordinal), type(Color), Color.RED.__class__, hash(Color.RED) == hash("RED"))
try:
    Color.RED < Color.GREEN
except TypeError as e:
    print("TypeError", e)
try:
    Color()
except TypeError as e:
    print("TypeError", e)
try:
    del Color.RED
except AttributeError as e:
    print("AttributeError", e)
Color.extra = 5
print(Color.extra, bool(Color), issubclass(Color, Enum))


class Animal(Enum):
    CAT = auto()
    DOG = auto()

    def speak(self):
        match self:
            case Animal.CAT:
                return "meow"
            case Animal.DOG:
                return "woof"


print([a.speak() for a in Animal])
