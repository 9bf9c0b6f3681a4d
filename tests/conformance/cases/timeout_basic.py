import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1.5):
            print("start", loop.time())
            await asyncio.sleep(1)
            print("one", loop.time())
            await asyncio.sleep(1)
            print("not reached")
    except TimeoutError:
        print("TimeoutError at", loop.time())
    async with asyncio.timeout(5) as cm:
        await asyncio.sleep(1)
    print("in time; expired =", cm.expired(), "at", loop.time())

asyncio.run(main())
