import asyncio

state = {"count": 0}

async def watcher(cond):
    async with cond:
        await cond.wait_for(lambda: state["count"] >= 3)
        print("count reached", state["count"], "at", asyncio.get_running_loop().time())

async def incrementer(cond):
    for i in range(5):
        await asyncio.sleep(0.5)
        async with cond:
            state["count"] += 1
            print("count", state["count"])
            cond.notify_all()

async def main():
    cond = asyncio.Condition()
    await asyncio.gather(watcher(cond), incrementer(cond))

asyncio.run(main())
