import asyncio
import aiohttp
# sim: latency https://api.example.com/fast 0.25
# sim: latency https://api.example.com/slow 2.5
# sim: body https://api.example.com/fast {"speed": "fast", "n": [1, 2]}
# sim: body https://api.example.com/slow    plain text body
# sim: status https://api.example.com/missing 404
# sim: body https://api.example.com/missing not here

async def fetch(session, url):
    async with session.get(url) as resp:
        text = await resp.text()
        print(f"{asyncio.get_running_loop().time():.2f} {resp.status} {url} {text}")
        return resp.status

async def main():
    urls = ["https://api.example.com/slow", "https://api.example.com/fast",
            "https://api.example.com/missing", "https://api.example.com/other"]
    async with aiohttp.ClientSession() as session:
        statuses = await asyncio.gather(*(fetch(session, u) for u in urls))
    print(statuses)

asyncio.run(main())
