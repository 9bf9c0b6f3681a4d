import asyncio

async def consumer(q):
    while True:
        item = await q.get()
        print("consumed", item)

async def main():
    q = asyncio.Queue()
    c = asyncio.create_task(consumer(q))
    for i in range(3):
        await q.put(i)
        await asyncio.sleep(0.5)
    print("producer finished; main waits on consumer")
    await c

asyncio.run(main())
