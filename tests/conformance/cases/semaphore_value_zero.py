import asyncio

async def waiter(name, sem):
    await sem.acquire()
    print(name, "acquired at", asyncio.get_running_loop().time())

async def main():
    sem = asyncio.Semaphore(0)
    tasks = [asyncio.create_task(waiter(n, sem)) for n in "abc"]
    await asyncio.sleep(1)
    sem.release()
    await asyncio.sleep(1)
    sem.release()
    sem.release()
    await asyncio.gather(*tasks)
    print("locked:", sem.locked())

asyncio.run(main())
