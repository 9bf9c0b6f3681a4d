import asyncio

async def sleeper():
    try:
        print("sleeping")
        await asyncio.sleep(10)
        print("not reached")
    except asyncio.CancelledError:
        print("cancelled at", asyncio.get_running_loop().time())
        raise
    finally:
        print("cleanup")

async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(2)
    t.cancel()
    print("requested", t.cancelling())
    try:
        await t
    except asyncio.CancelledError:
        print("main saw cancellation", t.cancelled())

asyncio.run(main())
