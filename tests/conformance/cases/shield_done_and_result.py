import asyncio

async def value():
    await asyncio.sleep(1)
    return 99

async def main():
    r = await asyncio.shield(value())
    print("shield result", r)
    t = asyncio.create_task(value())
    await t
    s = asyncio.shield(t)
    print(s is t, s.result())

asyncio.run(main())
