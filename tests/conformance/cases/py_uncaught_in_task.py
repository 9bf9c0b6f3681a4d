import asyncio

async def worker(d):
    await asyncio.sleep(d)
    print("worker", d, "about to fail")
    return [1, 2][d]

async def main():
    print(await worker(1))
    print(await worker(2))

asyncio.run(main())
