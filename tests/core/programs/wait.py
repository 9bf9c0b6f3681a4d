# asyncio.wait's return_when modes and timeout, wait_for in time / timing
# out / with timeout 0 / cancelled from outside, and as_completed.
import asyncio


async def work(name, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(f"{name} cancelled at {asyncio.get_running_loop().time()}")
        raise
    if fail:
        raise ValueError(name)
    return name


def names(s):
    return sorted(t.get_name() for t in s)


async def main():
    loop = asyncio.get_running_loop()
    a = asyncio.create_task(work("a", 0.1), name="a")
    b = asyncio.create_task(work("b", 0.2, True), name="b")
    c = asyncio.create_task(work("c", 0.3), name="c")
    done, pending = await asyncio.wait([a, b, c], return_when=asyncio.FIRST_COMPLETED)
    print("first completed", names(done), names(pending), loop.time())
    done, pending = await asyncio.wait([a, b, c], return_when=asyncio.FIRST_EXCEPTION)
    print("first exception", names(done), names(pending), loop.time())
    done, pending = await asyncio.wait([a, b, c], timeout=0.05)
    print("timeout", names(done), names(pending), loop.time())
    done, pending = await asyncio.wait([a, b, c])
    print("all", names(done), names(pending), loop.time())
    print("b exc", b.exception())

    print("wait_for in time", await asyncio.wait_for(work("d", 0.1), timeout=1), loop.time())
    try:
        await asyncio.wait_for(work("e", 1), timeout=0.5)
    except asyncio.TimeoutError:
        print("wait_for timed out", loop.time())
    try:
        await asyncio.wait_for(work("f", 1), timeout=0)
    except asyncio.TimeoutError:
        print("wait_for zero timed out", loop.time())
    print("wait_for None", await asyncio.wait_for(work("g", 0.1), None), loop.time())

    async def outer():
        return await asyncio.wait_for(work("h", 5), timeout=2)

    t = asyncio.create_task(outer())
    await asyncio.sleep(0.5)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("outer cancelled", loop.time())

    for coro in asyncio.as_completed([work("x", 0.3), work("y", 0.1), work("z", 0.2)]):
        print("as_completed", await coro, loop.time())
    try:
        for coro in asyncio.as_completed([work("slow", 2)], timeout=1):
            await coro
    except asyncio.TimeoutError:
        print("as_completed timeout", loop.time())


asyncio.run(main())
