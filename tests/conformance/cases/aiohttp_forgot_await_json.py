import asyncio
import aiohttp

async def fetch_data(url):
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            return response.json()

async def main():
    data = await fetch_data("https://api.example.com/data")
    print(type(data).__name__)
    print(asyncio.iscoroutine(data))
    real = await data
    print(real)

asyncio.run(main())
