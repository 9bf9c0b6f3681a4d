# time.sleep blocks the whole thread: no other task can run meanwhile.
# asyncio.sleep gives the thread back to the loop.
import asyncio
import time


async def heartbeat(loop):
    for _ in range(4):
        print(f"{loop.time():.1f}  heartbeat")
        await asyncio.sleep(0.5)


async def blocking_job():
    time.sleep(1.5)  # the pitfall: the loop cannot run anything else
    print("blocking job done")


async def polite_job():
    await asyncio.sleep(1.5)  # the fix
    print("polite job done")


async def main():
    loop = asyncio.get_running_loop()
    print("-- with time.sleep")
    await asyncio.gather(heartbeat(loop), blocking_job())
    print("-- with asyncio.sleep")
    await asyncio.gather(heartbeat(loop), polite_job())


asyncio.run(main())
