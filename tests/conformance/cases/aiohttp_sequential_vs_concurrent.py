import asyncio
import aiohttp

URLS = [f"https://api.example.com/item/{i}" for i in range(3)]

async def fetch(session, url):
    async with session.get(url) as resp:
        return await resp.text()

async def main():
    loop = asyncio.get_running_loop()
    async with aiohttp.ClientSession() as session:
        start = loop.time()
        for url in URLS:
            await fetch(session, url)
        print("sequential took", loop.time() - start)
        start = loop.time()
        bodies = await asyncio.gather(*(fetch(session, u) for u in URLS))
        print("concurrent took", loop.time() - start)
        print(bodies[2])

asyncio.run(main())
