import asyncio

async def waiter(name, ev):
    print(name, "waiting")
    await ev.wait()
    print(name, "woke at", asyncio.get_running_loop().time())

async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(f"w{i}", ev)) for i in range(4)]
    await asyncio.sleep(2)
    print("setting", ev.is_set())
    ev.set()
    print("set", ev.is_set())
    await asyncio.gather(*tasks)
    await ev.wait()
    print("wait on set event returns at once")
    ev.clear()
    print(ev.is_set())

asyncio.run(main())
