# asyncio.timeout / timeout_at (expiry, reschedule, nesting, not expiring)
# and TaskGroup (only one sibling is ever cancelled at a time: CPython
# cancels in set order, Loopscope in creation order) (all succeed, a failing child cancels its siblings and the
# body, several errors, an error in the body).
import asyncio


async def work(name, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(f"{name} cancelled at {asyncio.get_running_loop().time()}")
        raise
    if fail:
        print(f"{name} fails at {asyncio.get_running_loop().time()}")
        raise ValueError(name)
    print(f"{name} done at {asyncio.get_running_loop().time()}")
    return name


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.5) as cm:
            await work("t1", 1)
    except TimeoutError:
        print("timeout expired", cm.expired(), loop.time())
    async with asyncio.timeout(1) as cm:
        await work("t2", 0.5)
    print("not expired", cm.expired(), loop.time())
    try:
        async with asyncio.timeout(None) as cm:
            cm.reschedule(loop.time() + 0.25)
            await work("t3", 1)
    except TimeoutError:
        print("rescheduled expired", loop.time())
    try:
        async with asyncio.timeout(1):
            try:
                async with asyncio.timeout(0.3):
                    await work("t4", 1)
            except TimeoutError:
                print("inner timeout", loop.time())
            await work("t5", 1)
    except TimeoutError:
        print("outer timeout", loop.time())
    try:
        async with asyncio.timeout_at(loop.time() - 1):
            await work("t6", 1)
    except TimeoutError:
        print("past deadline", loop.time())

    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(work("a", 0.2))
        b = tg.create_task(work("b", 0.1))
    print("group", a.result(), b.result(), loop.time())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("c", 0.3))
            tg.create_task(work("d", 0.1, True))
            tg.create_task(work("e", 0.05))
            await work("body", 1)
    except* ValueError as eg:
        print("group failed", [str(e) for e in eg.exceptions], loop.time())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("f", 0.1, True))
            tg.create_task(work("g", 0.1, True))
            tg.create_task(work("h", 0.5))
    except* ValueError as eg:
        print("two errors", [str(e) for e in eg.exceptions], loop.time())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("i", 0.5))
            await asyncio.sleep(0.1)
            raise KeyError("body")
    except* KeyError as eg:
        print("body error", [type(e).__name__ for e in eg.exceptions], loop.time())


asyncio.run(main())
