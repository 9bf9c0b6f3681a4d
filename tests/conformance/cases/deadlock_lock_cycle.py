import asyncio

async def worker(name, first, second):
    async with first:
        print(name, "holds first lock")
        await asyncio.sleep(1)
        async with second:
            print(name, "not reached")

async def main():
    a = asyncio.Lock()
    b = asyncio.Lock()
    await asyncio.gather(worker("t1", a, b), worker("t2", b, a))

asyncio.run(main())
