import asyncio

async def critical(name, lock, d):
    print(name, "wants lock; locked =", lock.locked())
    async with lock:
        print(name, "has lock at", asyncio.get_running_loop().time())
        await asyncio.sleep(d)
    print(name, "released at", asyncio.get_running_loop().time())

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(critical("a", lock, 1), critical("b", lock, 2), critical("c", lock, 0.5))
    print(lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
