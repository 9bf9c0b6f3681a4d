import asyncio

async def a():
    print("a1")
    await asyncio.sleep(0)
    print("a2")
    await asyncio.sleep(0)
    print("a3")

async def b():
    print("b1")
    await asyncio.sleep(0)
    print("b2")

async def c():
    print("c1")
    await a()
    print("c2")

async def main():
    tb = asyncio.create_task(b())
    tc = asyncio.create_task(c())
    print("m1")
    await asyncio.sleep(0)
    print("m2")
    await tb
    print("m3")
    await tc
    print("m4")

asyncio.run(main())
