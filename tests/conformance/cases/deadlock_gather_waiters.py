import asyncio

async def wait_forever(name, ev):
    print(name, "waits")
    await ev.wait()

async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(wait_forever(f"w{i}", ev)) for i in range(3)]
    await asyncio.sleep(2)
    print("all waiting at", asyncio.get_running_loop().time())
    await asyncio.gather(*tasks)

asyncio.run(main())
