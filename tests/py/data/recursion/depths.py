# How deep a plain recursion gets from each place Python code runs: module
# level, a task, a coroutine it awaits, a callback, a done callback, under
# run_until_complete, run_forever and a nested asyncio.run.
import asyncio

n = 0


def f():
    global n
    n += 1
    f()


def probe(tag):
    global n
    n = 0
    try:
        f()
    except RecursionError as e:
        print(tag, n, type(e).__name__, e)


async def inner():
    probe("awaited coroutine")


async def child():
    probe("child task")


async def main():
    probe("task")
    await inner()
    await asyncio.create_task(child())
    loop = asyncio.get_running_loop()
    loop.call_soon(probe, "call_soon callback")
    await asyncio.sleep(0)
    t = asyncio.create_task(child())
    t.add_done_callback(lambda _: probe("done callback"))
    await t
    await asyncio.sleep(0)
    await asyncio.gather(inner())
    async with asyncio.TaskGroup() as tg:
        tg.create_task(inner())


def nested():
    asyncio.run(main())


probe("module")
asyncio.run(main())
nested()
loop = asyncio.new_event_loop()
loop.run_until_complete(main())


async def stopper():
    probe("task under run_forever")
    loop.stop()


loop.create_task(stopper())
loop.run_forever()
probe("module again")
