# expect-loopscope budgets: events=20000
# A heartbeat that never ends: recorded for the window, its trace would grow
# until the time horizon (ten million iterations); the trace budget stops it.
import asyncio


async def heartbeat():
    beats = 0
    while True:
        beats += 1
        if beats % 1000 == 0:
            print("beat", beats)
        await asyncio.sleep(1)


asyncio.run(heartbeat())
