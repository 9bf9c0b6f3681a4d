import asyncio

async def work(d):
    await asyncio.sleep(d)
    return d * 100

async def main():
    tasks = [asyncio.create_task(work(d)) for d in [2, 0.5, 1]]
    done, pending = await asyncio.wait(tasks)
    print(len(done), len(pending), asyncio.get_running_loop().time())
    print(sorted(t.result() for t in done))
    print([t.result() for t in tasks])

asyncio.run(main())
