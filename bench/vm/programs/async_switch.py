# Two tasks handing the thread back and forth with sleep(0): task steps.
import asyncio


async def worker(n):
    total = 0
    for i in range(n):
        total += i
        await asyncio.sleep(0)
    return total


async def main():
    results = await asyncio.gather(worker(100_000), worker(100_000))
    print(sum(results))


asyncio.run(main())
