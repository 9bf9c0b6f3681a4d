import asyncio

async def important():
    await asyncio.sleep(2)
    print("important work finished at", asyncio.get_running_loop().time())
    return "saved"

async def caller(t):
    return await asyncio.shield(t)

async def main():
    inner = asyncio.create_task(important())
    c = asyncio.create_task(caller(inner))
    await asyncio.sleep(1)
    c.cancel()
    try:
        await c
    except asyncio.CancelledError:
        print("caller cancelled at", asyncio.get_running_loop().time())
    print("inner cancelled?", inner.cancelled())
    print(await inner)

asyncio.run(main())
