# expect-loopscope
# time.sleep blocks the whole loop: the other task waits (Loopscope says so
# on stderr; CPython prints nothing there, and stdout is the same).
import asyncio
import time


async def ticker():
    for i in range(3):
        print("tick", i, time.monotonic())
        await asyncio.sleep(0.5)


async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    time.sleep(1.5)
    print("slept at", time.monotonic())
    await t


asyncio.run(main())
