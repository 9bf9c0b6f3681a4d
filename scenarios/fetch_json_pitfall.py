# response.json() is a coroutine: returning it without `await` hands the
# caller a coroutine object instead of the data, and that coroutine is
# never run. The fixed version awaits it.
# sim: body https://api.example.com/user {"name": "Ada"}
import asyncio
import aiohttp


async def fetch_data_forgetful(url):
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            return response.json()


async def fetch_data(url):
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            return await response.json()


async def main():
    url = "https://api.example.com/user"
    data = await fetch_data_forgetful(url)
    print("forgot to await:", type(data).__name__)
    data = await fetch_data(url)
    print("with await:", data)


asyncio.run(main())
