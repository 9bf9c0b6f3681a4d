# Many tasks sleeping random delays, then gathered: timers and task creation.
import asyncio
import random


async def sleeper(i, d):
    await asyncio.sleep(d)
    return i


async def main():
    random.seed(1)
    results = await asyncio.gather(*(sleeper(i, random.random()) for i in range(20_000)))
    print(sum(results), len(results))


asyncio.run(main())
