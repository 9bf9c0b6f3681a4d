import asyncio

async def main():
    ev = asyncio.Event()
    try:
        await asyncio.wait_for(ev.wait(), timeout=1.5)
    except asyncio.TimeoutError:
        print("event not set within 1.5 s; t =", asyncio.get_running_loop().time())
    asyncio.get_running_loop().call_later(0.5, ev.set)
    await asyncio.wait_for(ev.wait(), timeout=1.5)
    print("event set at", asyncio.get_running_loop().time())

asyncio.run(main())
