# asyncio's own coroutines (sleep, wait_for, a queue's get) are coroutines
# like any other: create_task, ensure_future and TaskGroup take them.
import asyncio


async def main():
    slept = asyncio.create_task(asyncio.sleep(0.5, "slept"), name="napper")
    bounded = asyncio.ensure_future(asyncio.wait_for(asyncio.sleep(1, "in time"), 2))
    print(slept.get_name(), asyncio.iscoroutine(asyncio.sleep), await slept, await bounded)
    q = asyncio.Queue()
    getter = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    q.put_nowait("item")
    print(await getter, asyncio.get_running_loop().time())
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(asyncio.sleep(0.25, "a"))
        t2 = asyncio.get_running_loop().create_task(asyncio.sleep(0.1, "b"))
    print(t1.result(), t2.result(), asyncio.get_running_loop().time())
    late = asyncio.create_task(asyncio.wait_for(asyncio.sleep(5), 0.5))
    try:
        await late
    except TimeoutError:
        print("timed out at", asyncio.get_running_loop().time())


asyncio.run(main())
