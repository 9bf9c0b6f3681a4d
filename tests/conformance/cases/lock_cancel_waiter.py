import asyncio

async def user(name, lock):
    try:
        async with lock:
            print(name, "got lock at", asyncio.get_running_loop().time())
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(name, "cancelled while waiting")
        raise

async def main():
    lock = asyncio.Lock()
    a = asyncio.create_task(user("a", lock))
    b = asyncio.create_task(user("b", lock))
    c = asyncio.create_task(user("c", lock))
    await asyncio.sleep(0.5)
    b.cancel()
    await asyncio.gather(a, b, c, return_exceptions=True)
    print("b cancelled:", b.cancelled())

asyncio.run(main())
