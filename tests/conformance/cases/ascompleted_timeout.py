import asyncio

async def work(d):
    await asyncio.sleep(d)
    return d

async def main():
    tasks = [asyncio.create_task(work(d)) for d in [0.5, 5, 1.5]]
    try:
        for fut in asyncio.as_completed(tasks, timeout=2):
            print("got", await fut, "at", asyncio.get_running_loop().time())
    except asyncio.TimeoutError:
        print("timeout at", asyncio.get_running_loop().time())
    print("slow task still pending:", not tasks[1].done())
    tasks[1].cancel()

asyncio.run(main())
