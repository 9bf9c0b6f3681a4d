# Tutorials often make their Lock, Event, Semaphore, Condition and Queue at
# module level, before asyncio.run() makes its loop. CPython binds each to
# the loop that first needs a future from it, so they serve the run that
# follows, and an unused one serves a second run too.
import asyncio

queue = asyncio.Queue()
lock = asyncio.Lock()
ready = asyncio.Event()
slots = asyncio.Semaphore(1)
cond = asyncio.Condition()


async def producer():
    for i in range(3):
        await queue.put(i)
        await asyncio.sleep(0.1)
    ready.set()


async def consumer(name):
    await ready.wait()
    async with lock:
        while not queue.empty():
            item = await queue.get()
            print(name, "got", item)
            queue.task_done()
    async with slots:
        await asyncio.sleep(0.1)
        print(name, "had the slot at", round(asyncio.get_running_loop().time(), 2))


async def waiter():
    async with cond:
        await cond.wait()
        print("condition notified")


async def main():
    w = asyncio.create_task(waiter())
    await asyncio.gather(producer(), consumer("a"), consumer("b"))
    await queue.join()
    async with cond:
        cond.notify_all()
    await w
    print(lock.locked(), slots.locked(), ready.is_set(), queue.qsize())


asyncio.run(main())
ready.clear()
asyncio.run(main())
