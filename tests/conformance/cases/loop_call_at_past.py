import asyncio

async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(5)
    loop.call_at(1, print, "past deadline 1")
    loop.call_at(0, print, "past deadline 0")
    loop.call_soon(print, "soon")
    loop.call_later(-1, print, "negative delay")
    print("scheduled at", loop.time())
    await asyncio.sleep(0)
    print("after one iteration")
    await asyncio.sleep(0)
    print("after two iterations", loop.time())

asyncio.run(main())
