import asyncio

async def putter(q, items):
    for x in items:
        print("putting", x)
        await q.put(x)
        print("put done", x)

async def main():
    q = asyncio.Queue(1)
    t = asyncio.create_task(putter(q, [1, 2, 3]))
    await asyncio.sleep(0)
    print("main: size", q.qsize())
    for i in range(3):
        print("main got", await q.get())
        await asyncio.sleep(0)
    await t

asyncio.run(main())
