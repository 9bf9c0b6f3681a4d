# Two tasks share one thread by taking turns at every `await`.
# foo naps for 1 second and bar for 2; because they nap at the same time,
# the whole program takes 2 seconds of (virtual) time, not 3.
import asyncio


async def foo():
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} foo: start, napping 1 s")
    await asyncio.sleep(1)
    print(f"{loop.time():.2f} foo: awake again")


async def bar():
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} bar: start, napping 2 s")
    await asyncio.sleep(2)
    print(f"{loop.time():.2f} bar: awake again")


async def main():
    tasks = [
        asyncio.create_task(foo()),
        asyncio.create_task(bar()),
    ]
    await asyncio.gather(*tasks)
    print(f"{asyncio.get_running_loop().time():.2f} main: both done")


asyncio.run(main())
