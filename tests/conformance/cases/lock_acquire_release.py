import asyncio

async def holder(lock):
    await lock.acquire()
    print("holder acquired")
    await asyncio.sleep(2)
    lock.release()
    print("holder released at", asyncio.get_running_loop().time())

async def late(lock):
    await asyncio.sleep(1)
    ok = await lock.acquire()
    print("late acquired", ok, "at", asyncio.get_running_loop().time())
    lock.release()

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(holder(lock), late(lock))

asyncio.run(main())
