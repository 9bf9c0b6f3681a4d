# The pre-3.7 style many tutorials still show: tasks made on a loop that is
# not running, then loop.run_until_complete(asyncio.wait(tasks)). CPython's
# wait() is a coroutine function, so it needs no running loop until it runs;
# shield() outside a loop uses the current loop, as ensure_future does.
import asyncio


async def hello(n):
    await asyncio.sleep(n)
    print("hello", n)
    return n


loop = asyncio.get_event_loop()
tasks = [loop.create_task(hello(i)) for i in (2, 1)]
done, pending = loop.run_until_complete(asyncio.wait(tasks))
print(sorted(t.result() for t in done), pending, round(loop.time(), 2))
first = [loop.create_task(hello(i)) for i in (0.3, 0.1)]
done, pending = loop.run_until_complete(asyncio.wait(first, return_when=asyncio.FIRST_COMPLETED))
print([t.result() for t in done], len(pending))
loop.run_until_complete(asyncio.wait(pending))
print(loop.run_until_complete(asyncio.wait_for(hello(0.5), 1)))
print(loop.run_until_complete(asyncio.shield(hello(0.2))))
try:
    loop.run_until_complete(asyncio.wait([hello(1)]))
except TypeError as e:
    print("TypeError:", e)
try:
    loop.run_until_complete(asyncio.wait([]))
except ValueError as e:
    print("ValueError:", e)
loop.close()
