# asyncio.Runner (3.11): several run() calls share one loop (its clock and
# task numbering carry on), get_loop() is that loop, close() shuts it down
# (cancelling what is left) and a closed runner refuses to run.
import asyncio


async def step(name, delay):
    await asyncio.sleep(delay)
    task = asyncio.current_task()
    loop = asyncio.get_running_loop()
    print(f"{name} in {task.get_name()} at {loop.time()}")
    return name.upper()


async def background():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("background cancelled at close")
        raise


async def start_background():
    asyncio.create_task(background())
    await asyncio.sleep(0)


with asyncio.Runner() as runner:
    loop = runner.get_loop()
    print(type(loop).__name__ != "", loop.is_running(), loop.is_closed())
    print(runner.run(step("first", 1)))
    print(runner.run(step("second", 0.5)))
    print(runner.get_loop() is loop, asyncio.get_event_loop() is loop)
    runner.run(start_background())
    print(runner.run(step("third", 0)))
print("closed:", loop.is_closed())
try:
    runner.run(step("late", 1))
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    runner.get_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
runner.close()  # closing twice is fine

r2 = asyncio.Runner(debug=True)
print(r2.get_loop().get_debug())
try:
    r2.run(42)
except ValueError as e:
    print("ValueError:", e)
print(r2.run(step("fourth", 2)))
r2.close()
print(asyncio.Runner().get_loop().get_debug())


async def nested():
    inner = asyncio.Runner()
    coro = step("never", 1)
    try:
        inner.run(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()
    inner.close()


asyncio.run(nested())
