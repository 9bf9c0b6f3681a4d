# asyncio.Runner: an exception from the main coroutine comes out of run()
# and the runner stays usable; `with` closes it even then. asyncio.isfuture
# is true for futures and tasks only; debug= sets the loop's debug flag.
import asyncio


async def fails():
    await asyncio.sleep(1)
    raise KeyError("missing")


async def probe():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    task = asyncio.create_task(asyncio.sleep(0))
    coro = fails()
    print(asyncio.isfuture(fut), asyncio.isfuture(task), asyncio.isfuture(coro),
          asyncio.isfuture(None), asyncio.isfuture(asyncio.gather()))
    coro.close()
    await task
    await asyncio.sleep(0.25)
    return loop.time()


try:
    with asyncio.Runner() as runner:
        try:
            runner.run(fails())
        except KeyError as e:
            print("KeyError from run:", e)
        print("time after the failure:", runner.run(probe()))
        raise ValueError("leaving the with block")
except ValueError as e:
    print("ValueError:", e)
try:
    runner.run(probe())
except RuntimeError as e:
    print("RuntimeError:", e)


async def debug_flag():
    return asyncio.get_running_loop().get_debug()


print(asyncio.run(debug_flag(), debug=True), asyncio.run(debug_flag()))
