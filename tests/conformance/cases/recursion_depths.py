# How much deeper a plain recursion gets at module level than from code the
# event loop runs: a task, a coroutine it awaits, a callback, a done
# callback, under asyncio.run, run_until_complete and run_forever. Printed
# relative to module level, so the runner's own frames below the program do
# not matter.
import asyncio
import sys

n = 0


def f():
    global n
    n += 1
    f()


def reach():
    global n
    n = 0
    try:
        f()
    except RecursionError as e:
        assert str(e) == "maximum recursion depth exceeded", e
    return n


base = reach()


def probe(tag):
    print(f"{tag}: {reach() - base}")


async def awaited():
    probe("awaited coroutine")


async def child():
    probe("child task")


async def main():
    probe("task")
    await awaited()
    await asyncio.create_task(child())
    asyncio.get_running_loop().call_soon(probe, "call_soon callback")
    await asyncio.sleep(0.5)
    t = asyncio.create_task(child())
    t.add_done_callback(lambda _: probe("done callback"))
    await t
    await asyncio.sleep(0)
    await asyncio.gather(awaited(), child())
    async with asyncio.TaskGroup() as tg:
        tg.create_task(awaited())


def nested():
    probe("function")
    asyncio.run(main())


print("asyncio.run")
asyncio.run(main())
print("asyncio.run from a function")
nested()
print("run_until_complete")
loop = asyncio.new_event_loop()
loop.run_until_complete(main())


async def stopper():
    probe("task")
    loop.stop()


print("run_forever")
loop.create_task(stopper())
loop.run_forever()
loop.close()
print("sys.setrecursionlimit(200)")
sys.setrecursionlimit(200)
base = reach()
asyncio.run(main())
