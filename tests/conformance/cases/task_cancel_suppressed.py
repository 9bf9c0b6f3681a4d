import asyncio

async def stubborn():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("ignoring cancel, cancelling =", asyncio.current_task().cancelling())
        asyncio.current_task().uncancel()
        print("after uncancel", asyncio.current_task().cancelling())
    await asyncio.sleep(1)
    return "finished anyway"

async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    t.cancel()
    print(await t, asyncio.get_running_loop().time())
    print(t.cancelled())

asyncio.run(main())
