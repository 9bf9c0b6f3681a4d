import asyncio
import aiohttp
# sim: latency https://slow.example.com/ 5

async def main():
    async with aiohttp.ClientSession() as session:
        try:
            async with asyncio.timeout(2):
                async with session.get("https://slow.example.com/") as resp:
                    print("not reached", resp.status)
        except TimeoutError:
            print("request timed out at", asyncio.get_running_loop().time())
        async with session.get("https://fast.example.com/", timeout=10) as resp:
            print(resp.status, asyncio.get_running_loop().time())

asyncio.run(main())
