# Locks, events, semaphores, queues, wait_for, timeouts and cancellation.
import asyncio

async def use_lock(lock, name, log):
    async with lock:
        log.append(f"{name} in")
        await asyncio.sleep(0.1)
        log.append(f"{name} out")

async def waiter(event, name):
    await event.wait()
    print(name, "saw the event at", asyncio.get_running_loop().time())

async def slow():
    await asyncio.sleep(5)
    return "slow"

async def main():
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(*(use_lock(lock, n, log) for n in "abc"))
    print(log)
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(event, f"w{i}")) for i in range(2)]
    await asyncio.sleep(1)
    event.set()
    await asyncio.gather(*tasks)
    try:
        await asyncio.wait_for(slow(), timeout=1)
    except asyncio.TimeoutError:
        print("timed out at", asyncio.get_running_loop().time())
    t = asyncio.create_task(slow())
    await asyncio.sleep(0.5)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled:", t.cancelled())
    q = asyncio.Queue(maxsize=2)
    for i in range(2):
        q.put_nowait(i)
    print(q.full(), q.qsize())
    try:
        q.put_nowait(9)
    except asyncio.QueueFull:
        print("full")
    sem = asyncio.Semaphore(2)
    async def limited(i):
        async with sem:
            await asyncio.sleep(1)
            return i
    print(await asyncio.gather(*(limited(i) for i in range(5))), asyncio.get_running_loop().time())
    async with asyncio.timeout(2):
        await asyncio.sleep(1)
    print("done", asyncio.get_running_loop().time())

asyncio.run(main())
