# Async generators left early by break and return in several tasks: each
# aclose() is a task of its own (Task-N numbering shows it), as in CPython.
import asyncio

async def ticks(name, n):
    try:
        for i in range(n):
            await asyncio.sleep(0.5)
            yield i
    finally:
        print(name, "cleanup at", asyncio.get_running_loop().time())

async def consumer(name):
    async for i in ticks(name, 10):
        print(name, i)
        if i == 2:
            break
    print(name, "done, task", asyncio.current_task().get_name())
    return name

async def finder():
    async for i in ticks("finder", 10):
        if i == 1:
            return "found"

async def main():
    r = await asyncio.gather(consumer("a"), consumer("b"), finder())
    print(r)
    await asyncio.sleep(1)
    t = asyncio.create_task(asyncio.sleep(0))
    print(t.get_name())
    async for i in ticks("never", 0):
        pass
    agen = ticks("unstarted", 3)
    print("end of main")

asyncio.run(main())
