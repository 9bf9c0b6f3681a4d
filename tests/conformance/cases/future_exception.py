import asyncio

async def waiter(fut, name):
    try:
        await fut
    except ValueError as e:
        print(name, "got", e)

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    tasks = [asyncio.create_task(waiter(fut, n)) for n in ["w1", "w2"]]
    await asyncio.sleep(1)
    fut.set_exception(ValueError("bad value"))
    await asyncio.gather(*tasks)
    print(type(fut.exception()).__name__)

asyncio.run(main())
