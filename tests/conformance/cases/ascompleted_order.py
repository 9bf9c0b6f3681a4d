import asyncio

async def work(name, d):
    await asyncio.sleep(d)
    return f"{name}@{asyncio.get_running_loop().time()}"

async def main():
    tasks = [asyncio.create_task(work(n, d)) for n, d in [("a", 3), ("b", 1), ("c", 2), ("d", 1)]]
    for coro in asyncio.as_completed(tasks):
        print(await coro)

asyncio.run(main())
