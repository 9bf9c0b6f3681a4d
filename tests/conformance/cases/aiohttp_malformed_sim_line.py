import asyncio
import aiohttp
# sim: latency https://api.example.com/x fast

async def main():
    print("never runs: the # sim: line above is malformed")

asyncio.run(main())
