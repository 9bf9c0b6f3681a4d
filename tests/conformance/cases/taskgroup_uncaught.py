import asyncio

async def fail():
    await asyncio.sleep(0.5)
    raise RuntimeError("unhandled in group")

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail())
        print("group body done")
    print("not reached")

asyncio.run(main())
