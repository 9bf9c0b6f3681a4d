import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("awaiting a future nobody completes")
    await fut

asyncio.run(main())
