import asyncio

async def worker(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} woke at {asyncio.get_running_loop().time()}")

async def main():
    names = ["a", "b", "c", "d", "e", "f"]
    tasks = [asyncio.create_task(worker(n, 1)) for n in names]
    tasks.append(asyncio.create_task(worker("g", 0.5)))
    tasks.append(asyncio.create_task(worker("h", 1)))
    await asyncio.gather(*tasks)

asyncio.run(main())
