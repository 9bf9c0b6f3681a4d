import asyncio

async def fails():
    await asyncio.sleep(1)
    raise ValueError("child failed")

async def long_one():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("sibling cancelled at", asyncio.get_running_loop().time())
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails())
            tg.create_task(long_one())
    except* ValueError as eg:
        print("caught group:", eg.exceptions)
    print("after group", asyncio.get_running_loop().time())

asyncio.run(main())
