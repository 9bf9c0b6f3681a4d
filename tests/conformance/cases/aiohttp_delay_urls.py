import asyncio
import aiohttp

async def get(session, n):
    url = f"https://httpbin.org/delay/{n}"
    async with session.get(url) as resp:
        data = await resp.json()
        print(f"{asyncio.get_running_loop().time()} {data['url']}")

async def main():
    async with aiohttp.ClientSession() as session:
        await asyncio.gather(get(session, 3), get(session, 1), get(session, 2))
        await get(session, 0)
    print("total", asyncio.get_running_loop().time())

asyncio.run(main())
