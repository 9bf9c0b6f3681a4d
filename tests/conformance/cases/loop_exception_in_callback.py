import asyncio

def bad():
    raise ValueError("callback failed")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(bad)
    loop.call_soon(print, "next callback still runs")
    await asyncio.sleep(1)
    print("loop kept running", loop.time())

asyncio.run(main())
