# Variable annotations at module level (PEP 526, CPython 3.11 semantics):
# the value is bound, a bare annotation binds nothing, and each simple
# name's annotation is evaluated and recorded in __annotations__ in order.


def trace(label, value):
    print("evaluating", label)
    return value


x: int = 5
y: str
print(x)
print(__annotations__)
try:
    print(y)
except NameError as e:
    print("NameError:", e)

# A parenthesized name is not "simple": bound, but not recorded.
(z): int = 3
print(z, "z" in __annotations__)

# The value is evaluated and stored first, then the annotation.
w: trace("annotation of w", int) = trace("value of w", 7)
print(w)


class Box:
    pass


b = Box()
b.size: int = 4
print(b.size)
# No value: the object is evaluated, then the annotation; nothing is bound.
b.other: trace("annotation of b.other", float)
print(hasattr(b, "other"))

d = {}
d["k"]: int = 1
d[trace("key", "q")]: trace("annotation of d[...]", int)
print(d)

pair: tuple = 1, 2
print(pair)
nothing: None = None
counts: dict = {"a": 1}
for i in range(2):
    in_loop: int = i
if True:
    in_if: str = "yes"
print(in_loop, in_if)
print(list(__annotations__))
print(__annotations__["in_loop"], __annotations__["nothing"])

# Redefining a name's annotation replaces it, keeping its place.
x: float = 2.5
print(__annotations__)
