import asyncio

async def child():
    t = asyncio.current_task()
    print("running", t.get_name())
    await asyncio.sleep(0)

async def main():
    print("main is", asyncio.current_task().get_name())
    a = asyncio.create_task(child())
    b = asyncio.create_task(child(), name="custom")
    c = asyncio.create_task(child())
    print(a.get_name(), b.get_name(), c.get_name())
    c.set_name("renamed")
    await asyncio.gather(a, b, c)
    d = asyncio.ensure_future(child())
    print(d.get_name())
    await d

asyncio.run(main())
