# call_soon FIFO, call_later/call_at ordering, equal deadlines in scheduling
# order, cancelled timers, and due timers running after what was ready.
import asyncio


async def main():
    loop = asyncio.get_running_loop()

    def cb(name):
        print(f"{name} at {loop.time()}")
        if name == "soon1":
            loop.call_soon(cb, "soon-from-soon1")

    loop.call_later(1, cb, "later1a")
    loop.call_later(1, cb, "later1b")
    loop.call_soon(cb, "soon1")
    loop.call_at(0.5, cb, "at0.5")
    loop.call_soon(cb, "soon2")
    h = loop.call_later(0.7, cb, "cancelled")
    h.cancel()
    loop.call_later(0, cb, "later0")
    loop.call_at(-1, cb, "at-past")
    loop.call_later(1, cb, "later1c")
    await asyncio.sleep(2)
    print(f"done at {loop.time()}")


asyncio.run(main())
