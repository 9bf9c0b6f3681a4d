import asyncio

async def waiter(fut):
    try:
        await fut
    except asyncio.CancelledError:
        print("waiter: future was cancelled")
        return "handled"

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    print("cancel:", fut.cancel())
    print(fut.cancelled(), fut.done())
    print(await t)
    try:
        fut.result()
    except asyncio.CancelledError:
        print("result() raises CancelledError")

asyncio.run(main())
