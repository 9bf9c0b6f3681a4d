import asyncio

async def a():
    print("a1")
    await asyncio.sleep(-5)
    print("a2")

async def b():
    print("b1")
    await asyncio.sleep(0)
    print("b2")

async def main():
    t1 = asyncio.create_task(a())
    t2 = asyncio.create_task(b())
    print("main")
    await t1
    await t2
    print("time", asyncio.get_running_loop().time())

asyncio.run(main())
