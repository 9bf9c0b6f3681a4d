# asyncio.Barrier (3.11): each party gets its arrival index; every waiter
# wakes once the last party arrives, in CPython's order; the barrier is
# reusable, and its state shows in parties, n_waiting, broken and repr. A
# barrier made at module level works too (its loop is bound on first use).
import asyncio

start_line = asyncio.Barrier(2)


def show(b):
    # repr without the address, which differs between runs
    r = repr(b)
    print(r[:r.index(" at ")] + r[r.index(" ["):])


async def worker(b, name, delay):
    await asyncio.sleep(delay)
    print(f"{name} arrives at {asyncio.get_running_loop().time()}, waiting: {b.n_waiting}")
    index = await b.wait()
    print(f"{name} passes with index {index}")
    return index


async def main():
    b = asyncio.Barrier(3)
    print(b.parties, b.n_waiting, b.broken)
    show(b)
    tasks = [asyncio.create_task(worker(b, n, d)) for n, d in [("a", 0.2), ("b", 0.1), ("c", 0.3)]]
    await asyncio.sleep(0.25)
    show(b)
    print(await asyncio.gather(*tasks))
    show(b)
    # The barrier refills: a second round with async with.
    async def again(name):
        async with b as pos:
            print(name, "in round two at", pos)
    await asyncio.gather(again("x"), again("y"), again("z"))
    show(b)
    print(b.n_waiting, b.broken)
    print(await asyncio.gather(start_line.wait(), start_line.wait()))


asyncio.run(main())
