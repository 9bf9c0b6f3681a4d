import asyncio

log = []

async def t(name, n):
    for i in range(n):
        log.append(f"{name}{i}")
        await asyncio.sleep(0)

async def main():
    tasks = [asyncio.create_task(t(c, k)) for c, k in [("x", 3), ("y", 1), ("z", 2)]]
    log.append("main")
    await asyncio.sleep(0)
    log.append("main-after-1")
    await asyncio.gather(*tasks)
    print(" ".join(log))

asyncio.run(main())
