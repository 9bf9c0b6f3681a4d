import asyncio

async def leaf(name, d):
    await asyncio.sleep(d)
    print("leaf", name)
    return name

async def branch(prefix):
    return await asyncio.gather(leaf(prefix + "1", 1), leaf(prefix + "2", 0.5))

async def main():
    r = await asyncio.gather(branch("a"), branch("b"), leaf("c", 0.75))
    print(r)

asyncio.run(main())
