import asyncio

async def user(sem, name):
    await sem.acquire()
    print(name, "acquired and never releases")

async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(user(sem, "a"), user(sem, "b"), user(sem, "c"))
    print("not reached")

asyncio.run(main())
