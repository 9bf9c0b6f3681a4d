import asyncio

loop = asyncio.new_event_loop()

def tick(n):
    print(f"tick {n} at {loop.time()}")
    if n < 3:
        loop.call_later(0.5, tick, n + 1)
    else:
        loop.stop()
        loop.call_soon(print, "queued after stop")

loop.call_soon(tick, 0)
loop.run_forever()
print("stopped at", loop.time())
loop.call_soon(loop.stop)
loop.run_forever()
print("second run done")
loop.close()
