# Three downloads that each take a while, started together with gather.
# The network is simulated: each URL's latency comes from a `# sim:` line.
# sim: latency https://api.example.com/weather 1.5
# sim: body https://api.example.com/weather {"temp": 21}
# sim: latency https://api.example.com/news 0.5
# sim: body https://api.example.com/news ["asyncio 101"]
# sim: latency https://api.example.com/quote 1.0
# sim: body https://api.example.com/quote "Talk is cheap."
import asyncio
import aiohttp


async def fetch(session, url):
    print(f"start  {url}")
    async with session.get(url) as response:
        body = await response.text()
    print(f"finish {url}")
    return body


async def main():
    urls = [
        "https://api.example.com/weather",
        "https://api.example.com/news",
        "https://api.example.com/quote",
    ]
    loop = asyncio.get_running_loop()
    async with aiohttp.ClientSession() as session:
        results = await asyncio.gather(*(fetch(session, url) for url in urls))
    for url, data in zip(urls, results):
        print(f"Data from {url}: {data}")
    print(f"all three took {loop.time():.1f} s, not 3.0 s")


asyncio.run(main())
