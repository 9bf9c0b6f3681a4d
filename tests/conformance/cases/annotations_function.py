# Variable annotations inside functions are never evaluated (an undefined
# name in one is fine), but an annotated name is local to the function,
# even without a value.

counter = 10


def never_evaluated():
    x: UndefinedName = 1
    y: also_undefined[1, 2]
    return x


print(never_evaluated())


def local_without_value():
    counter: int
    try:
        return counter
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)


print(local_without_value())


def shadow():
    counter: int = 5
    counter += 1
    return counter


print(shadow(), counter)


def closure():
    total: int = 0

    def add(n):
        nonlocal total
        total += n
        return total

    add(3)
    return add(4)


print(closure())


class Point:
    def __init__(self, x, y):
        self.x: float = x
        self.y: float = y
        self.meta: dict = {}
        self.meta["k"]: str = "v"


p = Point(1.5, 2)
print(p.x, p.y, p.meta)


async def main():
    import asyncio

    delay: float = 0.5
    results: list = []
    await asyncio.sleep(delay)
    results.append(delay)
    return results


import asyncio

print(asyncio.run(main()))


def gen():
    received: int = yield 1
    print("received", received)


g = gen()
print(next(g))
try:
    g.send(41)
except StopIteration:
    print("done")
