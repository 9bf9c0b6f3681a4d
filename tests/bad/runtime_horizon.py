# expect-loopscope budgets: horizon=86400
# A server loop that never ends: cut at the virtual-time horizon.
import asyncio


async def serve():
    hour = 0
    while True:
        await asyncio.sleep(3600)
        hour += 1
        if hour % 12 == 0:
            print("up for", hour, "hours")


asyncio.run(serve())
