# IntEnum and StrEnum: members that behave as their int/str values.
from enum import Enum, IntEnum, StrEnum, auto


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3


print(Priority.HIGH, repr(Priority.HIGH), str(Priority.LOW), f"{Priority.MEDIUM}", f"{Priority.HIGH:03d}")
print(Priority.HIGH == 3, 3 == Priority.HIGH, Priority.LOW < Priority.HIGH, Priority.LOW < 2, Priority.HIGH >= 3)
print(Priority.HIGH + 1, 10 - Priority.MEDIUM, Priority.MEDIUM * 5, Priority.HIGH // 2, Priority.HIGH / 2, -Priority.LOW)
print(Priority.HIGH ** 2, Priority.HIGH % 2, Priority.HIGH | 4, Priority.MEDIUM << 2, abs(Priority.LOW))
print(int(Priority.HIGH), float(Priority.MEDIUM), ["a", "b", "c", "d"][Priority.HIGH], bool(Priority.LOW))
print(sorted([Priority.HIGH, Priority.LOW, Priority.MEDIUM]), max(Priority), sum(Priority))
print(Priority(2), Priority["LOW"], list(Priority), len(Priority), Priority.HIGH.value, Priority.HIGH.name)
print({1: "one", 2: "two"}[Priority.MEDIUM], {Priority.LOW: "low"}[1], Priority.HIGH in Priority)
print(Priority.HIGH.real, Priority.HIGH.name.lower(), isinstance(Priority.LOW, Priority), isinstance(Priority.LOW, IntEnum))


class Level(IntEnum):
    DEBUG = auto()
    INFO = auto()
    WARNING = "30"


print(list(Level), Level.WARNING + 0, Level(30))


class Mode(StrEnum):
    READ = "r"
    WRITE = "w"
    APPEND = auto()


print(Mode.READ, repr(Mode.READ), f"open with {Mode.WRITE}", Mode.APPEND, repr(Mode.APPEND))
print(Mode.READ == "r", "w" == Mode.WRITE, Mode.READ + "b", "x" + Mode.WRITE, Mode.READ.upper(), len(Mode.APPEND))
print(Mode("w"), Mode["APPEND"], list(Mode), {"r": 1}[Mode.READ], f"{Mode.READ:>3}|")
try:
    class Bad(StrEnum):
        X = 1
except TypeError as e:
    print("TypeError", e)
try:
    Priority(9)
except ValueError as e:
    print("ValueError", e)


class Weekday(Enum):
    MONDAY = 1
    TUESDAY = 2

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for m in cls:
                if m.name == value.upper():
                    return m
        return None


print(Weekday("monday"), Weekday(2))
try:
    Weekday("friday")
except ValueError as e:
    print("ValueError", e)
for attr in ["foo", "_foo"]:
    try:
        getattr(Priority.LOW, attr)
    except AttributeError as e:
        print("AttributeError", e)


class Step(IntEnum):
    SEVEN = 7


print(round(Step.SEVEN, -1), round(Step.SEVEN), divmod(20, Step.SEVEN), divmod(Step.SEVEN, 2), 2 ** Step.SEVEN)
print(hex(Step.SEVEN), oct(Step.SEVEN), bin(Step.SEVEN), list(range(Step.SEVEN))[Step.SEVEN - 1])
print(list(range(0, 20, Step.SEVEN)), "%d items" % Step.SEVEN, "-" * Step.SEVEN)
