import asyncio

async def main():
    q = asyncio.LifoQueue()
    for i in range(4):
        q.put_nowait(i)
    print([q.get_nowait() for i in range(4)])
    q.put_nowait("x")
    q.put_nowait("y")
    print(await q.get(), await q.get())

asyncio.run(main())
