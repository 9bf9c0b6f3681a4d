# expect-loopscope budgets: instructions=100000
# A task that never awaits: the instruction budget stops it (CPython would hang).
import asyncio


async def spin():
    print("spinning")
    while True:
        pass


asyncio.run(spin())
