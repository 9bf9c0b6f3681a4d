import asyncio

async def worker():
    task = asyncio.current_task()
    try:
        async with asyncio.timeout(1):
            await asyncio.sleep(5)
    except TimeoutError:
        print("timeout; cancelling() =", task.cancelling())
    await asyncio.sleep(1)
    print("worker still alive at", asyncio.get_running_loop().time())
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("external cancel; cancelling() =", task.cancelling())
        raise

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(2.5)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("worker cancelled at", asyncio.get_running_loop().time())

asyncio.run(main())
