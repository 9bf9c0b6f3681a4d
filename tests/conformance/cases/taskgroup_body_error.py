import asyncio

async def child():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("child cancelled because the body failed")
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child())
            await asyncio.sleep(1)
            raise KeyError("body")
    except* KeyError as eg:
        print("caught", repr(eg.exceptions[0]), asyncio.get_running_loop().time())

asyncio.run(main())
