import asyncio

order = []

async def other():
    order.append("other runs")

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_result(1)
    asyncio.create_task(other())
    v = await fut
    order.append(f"awaited done future -> {v} without suspending")
    await asyncio.sleep(0)
    order.append("after sleep(0)")
    print("\n".join(order))

asyncio.run(main())
