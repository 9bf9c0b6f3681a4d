import asyncio

async def producer(q, n_workers):
    for i in range(6):
        await q.put(i)
        await asyncio.sleep(0.5)
    for i in range(n_workers):
        await q.put(None)

async def worker(name, q, results):
    while True:
        item = await q.get()
        if item is None:
            return
        await asyncio.sleep(1.25)
        results.append((name, item, asyncio.get_running_loop().time()))

async def main():
    q = asyncio.Queue()
    results = []
    await asyncio.gather(producer(q, 2), worker("A", q, results), worker("B", q, results))
    for r in results:
        print(r)

asyncio.run(main())
