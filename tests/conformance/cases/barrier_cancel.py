# A waiter cancelled at an asyncio.Barrier leaves it (n_waiting drops), and
# the barrier still trips for the remaining parties; the last one to
# arrive gets index parties-1 and wakes the others in CPython's order.
import asyncio


async def waiter(b, name, log):
    try:
        i = await b.wait()
        log.append((name, i))
    except asyncio.CancelledError:
        log.append((name, "cancelled"))
        raise


async def main():
    b = asyncio.Barrier(3)
    log = []
    t1 = asyncio.create_task(waiter(b, "t1", log))
    t2 = asyncio.create_task(waiter(b, "t2", log))
    await asyncio.sleep(0)
    print("waiting", b.n_waiting)
    t1.cancel()
    await asyncio.sleep(0)
    print("after cancel", b.n_waiting, t1.cancelled())
    rest = [asyncio.create_task(waiter(b, n, log)) for n in ("t3", "t4")]
    await asyncio.gather(t2, *rest)
    print(log)
    print(b.n_waiting, b.broken)


asyncio.run(main())
