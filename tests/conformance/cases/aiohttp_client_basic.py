import asyncio
import aiohttp

async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get("https://example.com/api") as resp:
            print(resp.status, asyncio.get_running_loop().time())
            print(await resp.text())
            print(resp.url)

asyncio.run(main())
