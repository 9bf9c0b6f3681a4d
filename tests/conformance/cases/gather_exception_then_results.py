import asyncio

async def job(n):
    await asyncio.sleep(n)
    if n == 2:
        raise ValueError("job 2 failed")
    print("job", n, "done")
    return n

async def main():
    tasks = [asyncio.create_task(job(n)) for n in [1, 2, 3]]
    try:
        await asyncio.gather(*tasks)
    except ValueError as e:
        print("gather raised:", e, "at", asyncio.get_running_loop().time())
    print([t.done() for t in tasks])
    await tasks[2]
    print([t.result() if not t.exception() else "error" for t in tasks])

asyncio.run(main())
