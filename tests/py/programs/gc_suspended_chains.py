# Deep await chains stay suspended while other tasks allocate a lot: the
# collector (run between loop iterations) must keep every suspended frame.
import asyncio

async def leaf(i):
    local = [i] * 10
    await asyncio.sleep(0.01 * (i % 5))
    return sum(local)

async def middle(i):
    keep = {"i": i, "data": list(range(50))}
    value = await leaf(i)
    return value + keep["i"] + len(keep["data"])

async def top(i):
    total = 0
    for r in range(20):
        total += await middle(i + r)
    return total

async def churn():
    junk = 0
    for r in range(60):
        data = [{"k": str(j), "v": [j, j]} for j in range(3000)]
        junk += len(data)
        await asyncio.sleep(0.005)
    return junk

async def gen_values(n):
    for i in range(n):
        await asyncio.sleep(0.001)
        yield i * i

async def consume():
    out = []
    async for v in gen_values(30):
        out.append(v)
    return sum(out)

async def main():
    results = await asyncio.gather(*(top(i) for i in range(8)), churn(), consume())
    print(results)

asyncio.run(main())
