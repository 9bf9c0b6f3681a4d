# Stepping coroutines by hand, as the event loop does: send(None) runs one
# step, the value yielded is what the coroutine waits on, StopIteration
# carries the return value; throw() and close() at the paused await.
import asyncio


async def add(a, b):
    return a + b


async def waits(fut, name):
    print(name, "waiting")
    try:
        value = await fut
    finally:
        print(name, "finally")
    print(name, "got", value)
    return value * 2


async def naps():
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    return "rested"


def run_by_hand(coro):
    steps = 0
    while True:
        try:
            yielded = coro.send(None)
        except StopIteration as e:
            return steps, e.value
        steps += 1
        print("step", steps, "yielded", yielded)


c = add(1, 2)
try:
    c.send(None)
except StopIteration as e:
    print("StopIteration value:", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
print(run_by_hand(add(3, 4)))
print(run_by_hand(naps()))

for bad in [lambda: add(1, 2).send(5), lambda: add(1, 2).send()]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

unstarted = add(5, 6)
unstarted.close()
print("closing an unstarted coroutine: no warning")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    co = waits(fut, "a")
    yielded = co.send(None)
    print("yielded the future:", yielded is fut)
    fut.set_result(21)
    try:
        co.send(None)
    except StopIteration as e:
        print("returned", e.value)

    fut2 = loop.create_future()
    co2 = waits(fut2, "b")
    co2.send(None)
    try:
        co2.throw(ValueError("boom"))
    except ValueError as e:
        print("thrown back out:", e)

    fut3 = loop.create_future()
    co3 = waits(fut3, "c")
    co3.send(None)
    print(co3.close())
    try:
        co3.send(None)
    except RuntimeError as e:
        print("RuntimeError:", e)

    print(await naps())


asyncio.run(main())
