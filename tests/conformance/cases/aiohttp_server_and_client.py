import asyncio
import aiohttp
from aiohttp import web
# sim: request 1 GET /proxy
# sim: latency https://upstream.example.com/data 2

async def proxy(request):
    async with aiohttp.ClientSession() as session:
        async with session.get("https://upstream.example.com/data") as resp:
            body = await resp.text()
    print("proxied at", asyncio.get_running_loop().time())
    return web.Response(text="upstream said " + body)

app = web.Application()
app.add_routes([web.get("/proxy", proxy)])
web.run_app(app, host="localhost", port=8080)
print("bye")
