import asyncio

async def main():
    q = asyncio.Queue()
    print(q.maxsize, q.full(), q.empty())
    for i in range(100):
        q.put_nowait(i)
    print(q.qsize(), q.full())
    total = 0
    while not q.empty():
        total += await q.get()
    print(total, q.qsize())
    q2 = asyncio.Queue(maxsize=0)
    q2.put_nowait("x")
    print(q2.full(), q2.qsize())

asyncio.run(main())
