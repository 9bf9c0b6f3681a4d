import asyncio

async def waiter(ev):
    await ev.wait()
    print("waiter woke, is_set =", ev.is_set())

async def main():
    ev = asyncio.Event()
    t = asyncio.create_task(waiter(ev))
    await asyncio.sleep(0)
    ev.set()
    ev.clear()
    print("set then cleared")
    await t
    print("done")

asyncio.run(main())
