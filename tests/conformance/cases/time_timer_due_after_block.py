import asyncio
import time

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(1, print, "timer for t=1 fires late")
    loop.call_later(3, print, "timer for t=3")
    time.sleep(2)
    print("blocked until", loop.time())
    await asyncio.sleep(0)
    print("after one iteration", loop.time())
    await asyncio.sleep(2)
    print("end", loop.time())

asyncio.run(main())
