import asyncio

async def work():
    await asyncio.sleep(1)
    return "done"

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_result("ready")
    print(await asyncio.wait_for(fut, 0))
    try:
        await asyncio.wait_for(work(), 0)
    except asyncio.TimeoutError:
        print("timed out immediately at", loop.time())

asyncio.run(main())
