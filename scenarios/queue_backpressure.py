# A bounded Queue pushes back: when it is full, put() waits. Three workers
# share the work and join() waits until every item has been processed.
import asyncio


async def producer(queue):
    loop = asyncio.get_running_loop()
    for i in range(8):
        await queue.put(i)
        print(f"{loop.time():.1f}  put {i}  (size {queue.qsize()})")


async def worker(name, queue):
    loop = asyncio.get_running_loop()
    while True:
        item = await queue.get()
        await asyncio.sleep(1)
        print(f"{loop.time():.1f}  {name} finished {item}")
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    workers = [asyncio.create_task(worker(f"w{i}", queue)) for i in range(3)]
    await producer(queue)
    await queue.join()
    for w in workers:
        w.cancel()
    print("all items processed")


asyncio.run(main())
