# A task that fails while nobody keeps it: CPython reports it right away,
# with the task's repr, when the task is dropped.
import asyncio


async def risky():
    await asyncio.sleep(0.5)
    raise RuntimeError("sensor unplugged")


async def keep_it():
    raise ValueError("kept in a local until main ends")


async def main():
    asyncio.create_task(risky())
    t = asyncio.create_task(keep_it())
    await asyncio.sleep(1)
    print("main finished without noticing")


asyncio.run(main())
print("after asyncio.run")
