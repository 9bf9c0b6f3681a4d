import asyncio

async def waiter(ev):
    print("waiting for an event nobody sets")
    try:
        await ev.wait()
    finally:
        print("finally must not run")

async def main():
    ev = asyncio.Event()
    await asyncio.sleep(1)
    print("t =", asyncio.get_running_loop().time())
    await waiter(ev)

asyncio.run(main())
