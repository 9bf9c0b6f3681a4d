import asyncio

async def work(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} finished at {asyncio.get_running_loop().time()}")
    return name.upper()

async def main():
    results = await asyncio.gather(work("slow", 3), work("fast", 1), work("mid", 2))
    print(results)

asyncio.run(main())
