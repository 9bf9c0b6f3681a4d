# The args of every CancelledError a program can catch or collect: raised
# into the task, from await, with a message, from a cancelled Future, and
# the one gather(return_exceptions=True) makes for a cancelled child, which
# 3.11 builds as CancelledError('').
import asyncio

async def sleeper(d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError as e:
        print("inner", repr(e), e.args, str(e) == "")
        raise

async def main():
    t = asyncio.create_task(sleeper(5))
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError as e:
        print("outer", repr(e), e.args)
    t2 = asyncio.create_task(sleeper(5))
    await asyncio.sleep(0.1)
    t2.cancel("stop now")
    try:
        await t2
    except asyncio.CancelledError as e:
        print("outer2", repr(e), e.args)
    t3 = asyncio.create_task(sleeper(5))
    await asyncio.sleep(0)
    t3.cancel()
    r = await asyncio.gather(t3, return_exceptions=True)
    print(r)
    f = asyncio.get_running_loop().create_future()
    f.cancel()
    try:
        f.result()
    except asyncio.CancelledError as e:
        print("fut", repr(e))
    try:
        await asyncio.wait_for(sleeper(5), 0.5)
    except TimeoutError as e:
        print("wf", repr(e), type(e).__name__)
    try:
        async with asyncio.timeout(0.5):
            await asyncio.sleep(2)
    except TimeoutError as e:
        print("to", repr(e))
    g = asyncio.gather(asyncio.sleep(5), asyncio.sleep(5))
    await asyncio.sleep(0)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather", repr(e))

asyncio.run(main())
