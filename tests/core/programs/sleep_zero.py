# sleep(0) interleaving between tasks and a timer due at the same moment.
import asyncio


async def worker(name, n):
    for i in range(n):
        print(f"{name} {i}")
        await asyncio.sleep(0)
    print(f"{name} done")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0, lambda: print("timer 0"))
    a = asyncio.create_task(worker("a", 3))
    b = asyncio.create_task(worker("b", 2))
    print("main before")
    await asyncio.sleep(0)
    print("main after one yield")
    await a
    await b
    print(f"end at {loop.time()}")


asyncio.run(main())
