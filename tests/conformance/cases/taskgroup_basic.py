import asyncio

async def work(name, d):
    print("start", name)
    await asyncio.sleep(d)
    print("end", name, asyncio.get_running_loop().time())
    return name

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(work("one", 2))
        t2 = tg.create_task(work("two", 1))
        print("tasks created", t1.get_name(), t2.get_name())
    print("group exited at", asyncio.get_running_loop().time())
    print(t1.result(), t2.result())

asyncio.run(main())
