# An async generator left by `break` in `async for` over a call: CPython
# frees it at once, and asyncio's finalizer hook schedules its aclose() as a
# task, so its `finally` and `async with` exit run two loop iterations later.
import asyncio


class Resource:
    async def __aenter__(self):
        print("open")
        return self

    async def __aexit__(self, *exc):
        print("close", exc[0].__name__ if exc[0] else None)


async def numbers(label):
    try:
        async with Resource():
            for i in range(10):
                yield i
                await asyncio.sleep(0.1)
    finally:
        print(label, "finally start")
        await asyncio.sleep(0)
        print(label, "finally end")


async def first_two():
    async for n in numbers("inner"):
        if n == 2:
            return n
        print("got", n)


async def main():
    async for n in numbers("a"):
        print("got", n)
        if n == 1:
            break
    print("after break")
    for step in range(4):
        await asyncio.sleep(0)
        print("tick", step)
    print("returned", await first_two())
    for step in range(4):
        await asyncio.sleep(0)
        print("tock", step)


asyncio.run(main())
print("end")
