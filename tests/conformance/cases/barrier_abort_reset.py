# asyncio.Barrier abort() and reset(): waiters get BrokenBarrierError, a
# broken barrier refuses newcomers, reset() makes it usable again; the
# order in which the woken tasks run is CPython's.
import asyncio


def show(b):
    r = repr(b)
    print(r[:r.index(" at ")] + r[r.index(" ["):])


async def waiter(b, name):
    try:
        i = await b.wait()
        print(name, "passed", i)
    except asyncio.BrokenBarrierError as e:
        print(name, "broken:", repr(e), type(e).__name__)


async def main():
    b = asyncio.Barrier(3)
    ts = [asyncio.create_task(waiter(b, n)) for n in "abc"[:2]]
    await asyncio.sleep(0)
    show(b)
    await b.reset()
    show(b)
    await asyncio.gather(*ts)
    show(b)
    print(b.n_waiting, b.broken)

    ts = [asyncio.create_task(waiter(b, n)) for n in "de"]
    await asyncio.sleep(0)
    await b.abort()
    show(b)
    await asyncio.gather(*ts)
    await waiter(b, "late")
    print(b.broken, b.n_waiting)
    await b.reset()
    show(b)
    ts = [asyncio.create_task(waiter(b, n)) for n in "fgh"]
    await asyncio.gather(*ts)
    print(isinstance(asyncio.BrokenBarrierError(), RuntimeError))
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
