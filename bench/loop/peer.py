# peer.py: the Python side of bench_loop: the same four workloads on
# CPython's asyncio with a virtual clock (the selector never sleeps; time()
# reads a variable that jumps to the next timer). Prints "name seconds".
import asyncio
import random
import selectors
import sys
import time

_now = [0.0]


class _Selector(selectors.DefaultSelector):
    loop = None

    def select(self, timeout=None):
        if timeout and self.loop._scheduled:
            _now[0] = max(_now[0], self.loop._scheduled[0]._when)
        return super().select(0)


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        sel = _Selector()
        super().__init__(sel)
        sel.loop = self
        self._clock_resolution = 1e-9

    def time(self):
        return _now[0]


def bench(name, coro_fn):
    loop = VirtualLoop()
    t0 = time.process_time()  # CPU time: the machine is shared
    loop.run_until_complete(coro_fn())
    t1 = time.process_time()
    loop.close()
    print(name, t1 - t0, flush=True)


async def call_soon_1m():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    n = [0]

    def cb():
        n[0] += 1
        if n[0] == 1_000_000:
            done.set_result(None)

    for _ in range(1_000_000):
        loop.call_soon(cb)
    await done


async def sleepers_100k():
    rnd = random.Random(1)

    async def sleeper(d):
        await asyncio.sleep(d)
        return d

    await asyncio.gather(*(sleeper(rnd.random()) for _ in range(100_000)))


async def switches_1m():
    async def switcher(n):
        for _ in range(n):
            await asyncio.sleep(0)

    await asyncio.gather(switcher(500_000), switcher(500_000))


async def queue_1m():
    q = asyncio.Queue(maxsize=100)

    async def producer():
        for i in range(1_000_000):
            await q.put(i)

    async def consumer():
        for _ in range(1_000_000):
            await q.get()

    await asyncio.gather(producer(), consumer())


which = sys.argv[1:] or ["call_soon", "sleepers", "switches", "queue"]
table = {"call_soon": call_soon_1m, "sleepers": sleepers_100k, "switches": switches_1m, "queue": queue_1m}
for w in which:
    bench(w, table[w])
