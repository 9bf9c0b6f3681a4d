# asyncio.wait on an already finished future still suspends (a fresh
# waiter): a ticker shows how many iterations pass.
import asyncio


async def ticker():
    for i in range(4):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    f = asyncio.get_running_loop().create_future()
    f.set_result(1)
    asyncio.create_task(ticker())
    await asyncio.sleep(0)
    print("wait start")
    await asyncio.wait([f])
    print("wait end")


asyncio.run(main())
