# A crawler that fetches six pages but never more than two at a time.
# sim: latency https://example.com/page/1 1.0
# sim: latency https://example.com/page/2 0.5
# sim: latency https://example.com/page/3 1.5
# sim: latency https://example.com/page/4 0.5
# sim: latency https://example.com/page/5 1.0
# sim: latency https://example.com/page/6 0.5
import asyncio
import aiohttp


async def crawl(session, limit, url):
    async with limit:
        loop = asyncio.get_running_loop()
        print(f"{loop.time():.1f}  start  {url}")
        async with session.get(url) as response:
            await response.text()
        print(f"{loop.time():.1f}  done   {url}")


async def main():
    limit = asyncio.Semaphore(2)
    urls = [f"https://example.com/page/{i}" for i in range(1, 7)]
    async with aiohttp.ClientSession() as session:
        await asyncio.gather(*(crawl(session, limit, url) for url in urls))


asyncio.run(main())
