import asyncio

async def worker(i, lock):
    async with lock:
        print(i, "in")
        await asyncio.sleep(0)
        print(i, "out")

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(worker(i, lock) for i in range(3)))

asyncio.run(main())
