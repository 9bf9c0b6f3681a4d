import asyncio
import random

async def worker(name):
    d = round(random.uniform(0.5, 2.0), 2)
    await asyncio.sleep(d)
    print(f"{name} slept {d} -> t={asyncio.get_running_loop().time():.2f}")

async def main():
    random.seed(7)
    await asyncio.gather(*(worker(f"w{i}") for i in range(5)))

asyncio.run(main())
