# yield from: delegation, the sub-generator's return value, send() and
# throw() passing through, close(), and iterables that are not generators.
def inner():
    got = yield 1
    print("inner got", got)
    got = yield 2
    print("inner got", got)
    return "inner result"


def outer():
    result = yield from inner()
    print("outer received", result)
    yield from [10, 20]
    yield from range(2)
    yield from "ab"
    return "outer done"


print(list(outer()))

g = outer()
print(next(g))
print(g.send("hello"))
print(g.send("world"))
print(next(g))
try:
    while True:
        print(next(g))
except StopIteration as e:
    print("stopped with", e.value)


def catcher():
    while True:
        try:
            x = yield
            print("catcher got", x)
        except ValueError as e:
            print("catcher caught", e)
            yield "recovered"


def delegator():
    r = yield from catcher()
    print("never", r)


d = delegator()
next(d)
d.send(1)
print(d.throw(ValueError("boom")))
d.send(2)
try:
    d.throw(KeyError("not caught"))
except KeyError as e:
    print("propagated", repr(e))


def cleanup():
    try:
        yield "working"
    finally:
        print("inner cleanup")


def wrapper():
    try:
        yield from cleanup()
    finally:
        print("outer cleanup")


w = wrapper()
print(next(w))
w.close()
print("closed")


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain([1, 2], (3,), range(4, 6), {7: "x"})))


def tree(node, depth=0):
    name, children = node
    yield "  " * depth + name
    for child in children:
        yield from tree(child, depth + 1)


t = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [])])
for line in tree(t):
    print(line)


def returns_early():
    return 42
    yield


def takes_value():
    v = yield from returns_early()
    yield v


print(list(takes_value()))


def failing():
    yield 1
    raise RuntimeError("inner failure")


def passes_failure():
    try:
        yield from failing()
    except RuntimeError as e:
        yield f"caught {e}"


print(list(passes_failure()))
