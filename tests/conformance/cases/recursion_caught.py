# A RecursionError is an ordinary exception: caught in a task, it leaves the
# program (and the other tasks) running, and the recursion can run again.
import asyncio


def countdown(n):
    return countdown(n - 1)


async def recurse(name):
    for attempt in range(2):
        try:
            countdown(10)
        except RecursionError as e:
            print(name, attempt, type(e).__name__, isinstance(e, RuntimeError), e)
        await asyncio.sleep(0.1)
    return name


async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0.1)


async def main():
    results = await asyncio.gather(recurse("a"), ticker(), recurse("b"))
    print(results)


asyncio.run(main())
