import asyncio

async def slow_getter(q):
    print("getter waiting")
    item = await q.get()
    print("getter got", item)

async def main():
    q = asyncio.Queue()
    t = asyncio.create_task(slow_getter(q))
    await asyncio.sleep(0)
    q.put_nowait("first")
    stolen = q.get_nowait()
    print("main stole", stolen)
    await asyncio.sleep(0)
    print("getter still waiting:", not t.done())
    q.put_nowait("second")
    await t

asyncio.run(main())
