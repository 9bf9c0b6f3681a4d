import asyncio

async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(2)
    try:
        async with asyncio.timeout_at(1):
            print("body starts even though deadline passed")
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print("timed out at", loop.time())
    try:
        async with asyncio.timeout(0):
            print("zero timeout body")
    except TimeoutError:
        print("not raised: no await in body")
    print("done")

asyncio.run(main())
