import asyncio
import aiohttp
# sim: body https://api.example.com/user {"name": "Ada", "langs": ["py", "c"], "age": 36}
# sim: latency https://api.example.com/user 0.5

async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get("https://api.example.com/user") as resp:
            user = await resp.json()
            raw = await resp.read()
    print(user["name"], user["langs"], user["age"] + 1)
    print(type(raw).__name__, len(raw))
    print(asyncio.get_running_loop().time())

asyncio.run(main())
