# A function that returns while a local holds an unstarted coroutine drops
# it: CPython warns at the caller's line, the frame running when the
# callee's locals are freed. A coroutine returned to the caller survives.
import asyncio


async def step(n):
    return n


def plan():
    first = step(1)
    print("planned")
    return 10


def keep():
    c = step(2)
    return c


async def helper():
    pending = step(3)
    await asyncio.sleep(0)
    return 20


async def main():
    print(plan())
    print(await helper())
    held = keep()
    print("kept", type(held).__name__, await held)


asyncio.run(main())
print("done")
