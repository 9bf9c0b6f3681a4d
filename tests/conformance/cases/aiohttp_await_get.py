import asyncio
import aiohttp
# sim: latency https://api.example.com/a 1.5

async def main():
    session = aiohttp.ClientSession()
    resp = await session.get("https://api.example.com/a")
    print(resp.status, await resp.text(), asyncio.get_running_loop().time())
    resp2 = await session.post("https://api.example.com/b", json={"x": 1})
    print(resp2.status, asyncio.get_running_loop().time())
    await session.close()
    print("closed", session.closed)

asyncio.run(main())
