import asyncio
import aiohttp
# sim: status https://api.example.com/broken 500
# sim: status https://api.example.com/gone 410
# sim: status https://api.example.com/redirect 302

async def check(session, url):
    async with session.get(url) as resp:
        try:
            resp.raise_for_status()
            print(url, "ok", resp.status)
        except aiohttp.ClientResponseError as e:
            print(url, "error", e.status, e.message)
            print(str(e))

async def main():
    async with aiohttp.ClientSession() as session:
        for u in ["https://api.example.com/broken", "https://api.example.com/gone",
                  "https://api.example.com/redirect", "https://api.example.com/fine"]:
            await check(session, u)
    print(issubclass(aiohttp.ClientResponseError, aiohttp.ClientError))

asyncio.run(main())
