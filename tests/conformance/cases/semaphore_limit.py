import asyncio

async def job(i, sem):
    async with sem:
        print(f"{asyncio.get_running_loop().time():.1f} job {i} starts")
        await asyncio.sleep(1)
    print(f"{asyncio.get_running_loop().time():.1f} job {i} ends")

async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(job(i, sem) for i in range(5)))

asyncio.run(main())
