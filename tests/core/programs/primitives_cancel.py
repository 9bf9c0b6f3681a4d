# Cancellation meeting the primitives: a cancelled Lock waiter is skipped,
# a Queue getter cancelled after being woken passes the wake-up on, a
# Semaphore waiter cancelled while waiting leaves the value alone.
import asyncio


async def hold(lock, name):
    try:
        async with lock:
            print(f"{name} has the lock")
            await asyncio.sleep(0.1)
        print(f"{name} released")
    except asyncio.CancelledError:
        print(f"{name} cancelled while waiting")
        raise


async def get(q, name):
    try:
        print(f"{name} got", await q.get())
    except asyncio.CancelledError:
        print(f"{name} cancelled, qsize={q.qsize()}")
        raise


async def acquire(sem, name):
    try:
        async with sem:
            print(f"{name} acquired, value={sem._value}")
            await asyncio.sleep(0.1)
    except asyncio.CancelledError:
        print(f"{name} cancelled, value={sem._value}")
        raise


async def main():
    lock = asyncio.Lock()
    a = asyncio.create_task(hold(lock, "a"))
    b = asyncio.create_task(hold(lock, "b"))
    c = asyncio.create_task(hold(lock, "c"))
    await asyncio.sleep(0.05)
    b.cancel()
    await asyncio.gather(a, b, c, return_exceptions=True)

    q = asyncio.Queue()
    g1 = asyncio.create_task(get(q, "g1"))
    g2 = asyncio.create_task(get(q, "g2"))
    await asyncio.sleep(0)
    q.put_nowait("item")
    g1.cancel()
    await asyncio.gather(g1, g2, return_exceptions=True)

    sem = asyncio.Semaphore(1)
    s1 = asyncio.create_task(acquire(sem, "s1"))
    s2 = asyncio.create_task(acquire(sem, "s2"))
    s3 = asyncio.create_task(acquire(sem, "s3"))
    await asyncio.sleep(0.1)
    s2.cancel()
    await asyncio.gather(s1, s2, s3, return_exceptions=True)
    print("value", sem._value, asyncio.get_running_loop().time())


asyncio.run(main())
