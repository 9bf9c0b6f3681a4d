import asyncio

async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = asyncio.create_task(ticker(5))
    await asyncio.sleep(0)
    print("setting result")
    fut.set_result("x")
    print("main awaits")
    print("main got", await fut)
    await t

asyncio.run(main())
