# async_generator.asend() and athrow(): a value sent in, an exception thrown
# in at the paused `yield` (as an instance, a class, a class and a value),
# handled or not, and athrow on a generator that never started or is done.
import asyncio


async def ticker(name):
    try:
        for i in range(5):
            try:
                got = yield i
                if got is not None:
                    print(name, "got", got)
            except KeyError as e:
                print(name, "caught", repr(e), "at", asyncio.get_running_loop().time())
                yield "recovered"
            await asyncio.sleep(0.1)
    finally:
        print(name, "finally")


async def once():
    try:
        yield 1
    except Exception as e:
        print("in agen:", type(e).__name__, e.args)
        yield 2


async def returns_on_key_error():
    try:
        yield 1
    except KeyError:
        return


async def main():
    g = ticker("a")
    print(await g.asend(None))
    print(await g.asend("hello"))
    print(await g.athrow(KeyError("k")))
    print(await g.__anext__())
    print(await g.athrow(KeyError, "cls"))
    try:
        await g.athrow(ValueError("v"))
    except ValueError as e:
        print("propagated", repr(e))
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted")
    print("athrow on a finished generator:", await g.athrow(KeyError("late")))

    fresh = ticker("never started")
    try:
        await fresh.athrow(KeyError("fresh"))
    except KeyError as e:
        print("athrow before the first step:", repr(e))
    try:
        await fresh.__anext__()
    except StopAsyncIteration:
        print("and then it is finished")

    try:
        await ticker("e").asend(1)
    except TypeError as e:
        print("TypeError:", e)

    for args in [(KeyError, ("a", "b")), (ValueError, None), (ValueError("x"), None, None)]:
        o = once()
        await o.__anext__()
        print(await o.athrow(*args))

    for args in [(), (1, 2, 3, 4), (ValueError, 1, 5), (1,), (KeyError("x"), "v")]:
        o = once()
        await o.__anext__()
        pending = o.athrow(*args)  # the arguments are checked when it is awaited
        try:
            await pending
        except TypeError as e:
            print(len(args), "TypeError:", e)
    for bad in [lambda o: o.asend(), lambda o: o.asend(1, 2)]:
        try:
            bad(once())
        except TypeError as e:
            print("TypeError:", e)

    r = returns_on_key_error()
    await r.__anext__()
    try:
        await r.athrow(KeyError())
    except StopAsyncIteration:
        print("handled, then returned: StopAsyncIteration")

    step = once()
    a = step.asend(None)
    print(await a)
    try:
        await a
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
