import asyncio

async def level3():
    print("level3 start")
    await asyncio.sleep(1)
    return 3

async def level2():
    v = await level3()
    print("level2 got", v)
    return v + 2

async def level1():
    t = asyncio.create_task(level2())
    v = await t
    print("level1 got", v)
    return v + 1

print(asyncio.run(level1()))
