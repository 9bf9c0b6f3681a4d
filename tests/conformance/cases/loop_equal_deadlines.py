import asyncio

async def main():
    loop = asyncio.get_running_loop()
    order = []
    for i in range(10):
        loop.call_at(2.0, order.append, i)
    for i in range(10, 14):
        loop.call_later(2.0, order.append, i)
    await asyncio.sleep(3)
    print(order)
    print(loop.time())

asyncio.run(main())
