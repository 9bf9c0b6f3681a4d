# The types of asyncio's native objects must outlive a garbage collection
# that happens before their first instance exists.
import asyncio

async def main():
    junk = []
    for i in range(100000):
        junk.append([i, str(i)])
    junk = None
    await asyncio.sleep(0)  # the loop collects between iterations
    q = asyncio.Queue()
    await q.put(1)
    h = asyncio.get_running_loop().call_later(1, print, "timer")
    print(h.cancelled(), await q.get())
    more = [str(i) * 3 for i in range(100000)]
    await asyncio.sleep(2)
    print("done", len(more))

asyncio.run(main())
