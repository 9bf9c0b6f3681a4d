import asyncio
import sys

async def main():
    print("working")
    await asyncio.sleep(1)
    print("exiting at", asyncio.get_running_loop().time())
    sys.exit(4)

asyncio.run(main())
