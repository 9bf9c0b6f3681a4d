import asyncio

async def runner(name, start, d):
    await start.wait()
    t0 = asyncio.get_running_loop().time()
    await asyncio.sleep(d)
    print(f"{name} ran from {t0} to {asyncio.get_running_loop().time()}")

async def main():
    start = asyncio.Event()
    tasks = [asyncio.create_task(runner(n, start, d)) for n, d in [("x", 2), ("y", 1), ("z", 1)]]
    await asyncio.sleep(5)
    start.set()
    await asyncio.gather(*tasks)

asyncio.run(main())
