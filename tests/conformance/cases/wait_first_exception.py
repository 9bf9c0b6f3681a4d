import asyncio

async def ok(d):
    await asyncio.sleep(d)
    return d

async def boom(d):
    await asyncio.sleep(d)
    raise RuntimeError(f"boom at {d}")

async def main():
    tasks = [asyncio.create_task(ok(1)), asyncio.create_task(boom(2)), asyncio.create_task(ok(5))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("t =", asyncio.get_running_loop().time(), len(done), len(pending))
    errors = sorted(str(t.exception()) for t in done if t.exception())
    print(errors)
    for t in pending:
        t.cancel()
    await asyncio.wait(pending)
    print("all cancelled:", all(t.cancelled() for t in pending))

asyncio.run(main())
