# A task that fails while nobody awaits it: its exception is stored in the
# task and, if nobody ever asks, only reported when the task is dropped.
import asyncio


async def risky():
    await asyncio.sleep(0.5)
    raise RuntimeError("sensor unplugged")


async def main():
    asyncio.create_task(risky())  # the pitfall: no reference, never awaited
    await asyncio.sleep(1)
    print("main finished without noticing")


asyncio.run(main())
