import asyncio

async def consumer(name, cond, items):
    async with cond:
        while not items:
            await cond.wait()
        item = items.pop(0)
        print(name, "consumed", item, "at", asyncio.get_running_loop().time())

async def producer(cond, items):
    for i in range(3):
        await asyncio.sleep(1)
        async with cond:
            items.append(i)
            cond.notify()

async def main():
    cond = asyncio.Condition()
    items = []
    await asyncio.gather(consumer("c1", cond, items), consumer("c2", cond, items),
                         consumer("c3", cond, items), producer(cond, items))

asyncio.run(main())
