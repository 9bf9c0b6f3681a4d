# async_generator.aclose(): GeneratorExit at the paused `yield` runs the
# generator's finally (which may await), a generator that yields again is an
# error, one that raises something else passes it on, and closing an
# unstarted or finished generator is a no-op.
import asyncio


async def counter(name):
    try:
        for i in range(3):
            yield i
    finally:
        print(name, "finally")


async def slow_cleanup():
    try:
        yield 1
    finally:
        await asyncio.sleep(0.5)
        print("cleanup after sleep at", asyncio.get_running_loop().time())


async def stubborn():
    ignored = False
    while True:
        try:
            yield 1
        except GeneratorExit:
            if ignored:
                raise
            ignored = True
            print("ignoring GeneratorExit once")


async def raises_other():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("during close")


async def ticker():
    while True:
        print("tick", asyncio.get_running_loop().time())
        await asyncio.sleep(0.2)


async def main():
    t = asyncio.create_task(ticker())
    h = counter("b")
    print(await h.__anext__())
    print(await h.aclose())
    print(await h.aclose())
    try:
        await h.__anext__()
    except StopAsyncIteration:
        print("closed: StopAsyncIteration")

    print(await counter("never started").aclose())
    done = counter("done")
    print([x async for x in done])
    print(await done.aclose())

    r = slow_cleanup()
    await r.__anext__()
    await r.aclose()

    s = stubborn()
    await s.__anext__()
    try:
        await s.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await s.aclose()
    except StopAsyncIteration:
        print("closing it again: StopAsyncIteration")
    print(await s.__anext__())  # it still runs

    o = raises_other()
    await o.__anext__()
    try:
        await o.aclose()
    except ValueError as e:
        print("aclose raised", e)

    c = counter("c")
    await c.__anext__()
    closing = c.aclose()
    await closing
    try:
        await closing
    except RuntimeError as e:
        print("RuntimeError:", e)
    t.cancel()


asyncio.run(main())
