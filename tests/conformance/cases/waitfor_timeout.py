import asyncio

async def slow():
    try:
        await asyncio.sleep(10)
        return "slow result"
    except asyncio.CancelledError:
        print("slow was cancelled at", asyncio.get_running_loop().time())
        raise

async def main():
    try:
        await asyncio.wait_for(slow(), timeout=2)
    except asyncio.TimeoutError:
        print("TimeoutError at", asyncio.get_running_loop().time())
    except TimeoutError:
        print("builtin TimeoutError")

asyncio.run(main())
