import asyncio

def report(label):
    def cb(fut):
        print(label, fut.result(), asyncio.get_running_loop().time())
    return cb

async def work(x):
    await asyncio.sleep(x)
    return x * 10

async def main():
    t = asyncio.create_task(work(1))
    t.add_done_callback(report("first"))
    t.add_done_callback(report("second"))
    t.add_done_callback(report("third"))
    r = await t
    print("awaited", r)
    t.add_done_callback(report("late"))
    await asyncio.sleep(0)
    print("end")

asyncio.run(main())
