import asyncio
import time

async def ticker():
    for i in range(4):
        print(f"tick {i} at {time.monotonic():.1f}")
        await asyncio.sleep(1)

async def blocker():
    await asyncio.sleep(1.5)
    print(f"blocking at {time.monotonic():.1f}")
    time.sleep(2)
    print(f"unblocked at {time.monotonic():.1f}")

async def main():
    await asyncio.gather(ticker(), blocker())

asyncio.run(main())
