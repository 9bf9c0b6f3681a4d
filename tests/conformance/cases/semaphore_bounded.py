import asyncio

async def main():
    sem = asyncio.BoundedSemaphore(1)
    await sem.acquire()
    print("locked:", sem.locked())
    sem.release()
    print("locked:", sem.locked())
    try:
        sem.release()
    except ValueError as e:
        print("ValueError:", e)
    plain = asyncio.Semaphore(1)
    plain.release()
    plain.release()
    print("plain semaphore value can grow:", plain._value)

asyncio.run(main())
