import asyncio

async def guarded():
    try:
        await asyncio.sleep(10)
    finally:
        print("finally in guarded at", asyncio.get_running_loop().time())

async def main():
    try:
        async with asyncio.timeout(0.25):
            await guarded()
    except TimeoutError as e:
        print("caught", type(e).__name__)

asyncio.run(main())
