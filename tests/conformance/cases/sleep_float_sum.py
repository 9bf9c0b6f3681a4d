import asyncio

async def main():
    loop = asyncio.get_running_loop()
    for d in [0.1, 0.2, 0.3, 0.7, 1/3]:
        await asyncio.sleep(d)
        print(repr(loop.time()))

asyncio.run(main())
