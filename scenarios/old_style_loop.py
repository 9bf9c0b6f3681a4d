# Before asyncio.run there was the loop API: create a loop, schedule
# callbacks and run it yourself.
import asyncio


def tick(loop, n):
    print(f"{loop.time():.1f}  tick {n}")
    if n < 3:
        loop.call_later(0.5, tick, loop, n + 1)
    else:
        loop.stop()


async def compute():
    await asyncio.sleep(1)
    return 42


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print("run_until_complete ->", loop.run_until_complete(compute()))
loop.call_soon(tick, loop, 1)
loop.run_forever()
print("stopped at", loop.time())
loop.close()
