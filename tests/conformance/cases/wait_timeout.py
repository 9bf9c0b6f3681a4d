import asyncio

async def work(d):
    await asyncio.sleep(d)
    return d

async def main():
    tasks = [asyncio.create_task(work(d)) for d in [1, 4, 2.5]]
    done, pending = await asyncio.wait(tasks, timeout=2)
    print("t =", asyncio.get_running_loop().time())
    print(sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(tasks, timeout=10)
    print("t =", asyncio.get_running_loop().time())
    print(sorted(t.result() for t in done), len(pending))

asyncio.run(main())
