# Queue backpressure and the no-hand-off rule, PriorityQueue / LifoQueue,
# task_done/join, QueueEmpty/QueueFull; Lock fairness, Event waking all
# waiters, Semaphore, Condition.
import asyncio


async def producer(q, n):
    for i in range(n):
        print(f"put {i} qsize={q.qsize()}")
        await q.put(i)
    print("producer done")


async def consumer(q, name, n):
    for _ in range(n):
        item = await q.get()
        print(f"{name} got {item}")
        q.task_done()
        await asyncio.sleep(0.1)


async def locker(lock, name):
    async with lock:
        print(f"{name} in")
        await asyncio.sleep(0)
        print(f"{name} out")


async def waiter(ev, name):
    print(f"{name} waits")
    await ev.wait()
    print(f"{name} woke")


async def limited(sem, name):
    async with sem:
        print(f"{name} acquired")
        await asyncio.sleep(0.1)
    print(f"{name} released")


async def cond_waiter(cond, name):
    async with cond:
        print(f"{name} waiting")
        await cond.wait()
        print(f"{name} notified")


async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q, 5), consumer(q, "c1", 3), consumer(q, "c2", 2))
    await q.join()
    print("joined")

    q = asyncio.Queue()

    async def getter():
        print("getter got", await q.get())

    t = asyncio.create_task(getter())
    await asyncio.sleep(0)
    q.put_nowait("x")
    print("stolen", q.get_nowait())
    q.put_nowait("y")
    await t
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    q2 = asyncio.Queue(1)
    q2.put_nowait(1)
    try:
        q2.put_nowait(2)
    except asyncio.QueueFull:
        print("QueueFull")

    pq = asyncio.PriorityQueue()
    for x in [5, 1, 4, 2, 3]:
        pq.put_nowait(x)
    print("priority", [pq.get_nowait() for _ in range(5)])
    lq = asyncio.LifoQueue()
    for x in [1, 2, 3]:
        lq.put_nowait(x)
    print("lifo", [lq.get_nowait() for _ in range(3)])

    lock = asyncio.Lock()
    await asyncio.gather(*(locker(lock, f"L{i}") for i in range(3)))

    ev = asyncio.Event()
    ts = [asyncio.create_task(waiter(ev, f"w{i}")) for i in range(3)]
    await asyncio.sleep(0)
    print("set")
    ev.set()
    await asyncio.gather(*ts)
    await ev.wait()
    print("already set")

    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(limited(sem, f"s{i}") for i in range(4)))

    cond = asyncio.Condition()
    ts = [asyncio.create_task(cond_waiter(cond, f"k{i}")) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ts)
    print("end", asyncio.get_running_loop().time())


asyncio.run(main())
