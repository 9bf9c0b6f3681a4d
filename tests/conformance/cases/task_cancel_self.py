import asyncio

async def selfish():
    asyncio.current_task().cancel()
    print("still running after cancel()")
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError:
        print("cancelled at the next await")
        return "returned after cancel"

async def main():
    t = asyncio.create_task(selfish())
    print(await t)
    print(t.cancelled())

asyncio.run(main())
