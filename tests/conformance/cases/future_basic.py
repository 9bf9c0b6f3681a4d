import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(fut.done(), fut.cancelled())
    loop.call_later(2, fut.set_result, "hello")
    value = await fut
    print(value, loop.time())
    print(fut.done(), fut.result())
    try:
        fut.set_result("again")
    except asyncio.InvalidStateError:
        print("InvalidStateError on second set_result")

asyncio.run(main())
