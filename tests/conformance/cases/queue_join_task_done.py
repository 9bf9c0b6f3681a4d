import asyncio

async def worker(name, q):
    while True:
        item = await q.get()
        await asyncio.sleep(item)
        print(f"{name} finished job {item} at {asyncio.get_running_loop().time()}")
        q.task_done()

async def main():
    q = asyncio.Queue()
    for job in [2, 1, 3, 1, 0.5]:
        q.put_nowait(job)
    workers = [asyncio.create_task(worker(f"w{i}", q)) for i in range(2)]
    await q.join()
    print("all jobs done at", asyncio.get_running_loop().time())
    for w in workers:
        w.cancel()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
