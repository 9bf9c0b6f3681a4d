import asyncio

async def main():
    loop = asyncio.get_running_loop()
    print(loop.time())
    await asyncio.sleep(0.1)
    print(loop.time())
    await asyncio.sleep(0.2)
    print(loop.time())
    await asyncio.sleep(1e-5)
    print(loop.time())
    await asyncio.sleep(100)
    print(loop.time())
    t = 0.0
    for i in range(10):
        await asyncio.sleep(0.1)
    print(loop.time())

asyncio.run(main())
