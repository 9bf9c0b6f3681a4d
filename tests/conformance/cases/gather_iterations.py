import asyncio

async def quick():
    return "quick"

async def counter(n):
    for i in range(n):
        print("iteration", i)
        await asyncio.sleep(0)

async def main():
    c = asyncio.create_task(counter(6))
    await asyncio.sleep(0)
    print("gather start")
    r = await asyncio.gather(quick())
    print("gather returned", r)
    await c

asyncio.run(main())
