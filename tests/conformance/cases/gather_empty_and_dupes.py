import asyncio

async def once():
    print("once runs")
    await asyncio.sleep(1)
    return "o"

async def main():
    print(await asyncio.gather())
    t = asyncio.create_task(once())
    print(await asyncio.gather(t, t, t))
    c = once()
    print(await asyncio.gather(c, c))

asyncio.run(main())
