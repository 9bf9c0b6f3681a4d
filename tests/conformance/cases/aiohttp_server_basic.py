import asyncio
from aiohttp import web
# sim: request 1 GET /
# sim: request 2.5 GET /hello/Ann
# sim: request 2.5 GET /missing

async def index(request):
    print("index at", asyncio.get_running_loop().time())
    return web.Response(text="welcome")

async def hello(request):
    name = request.match_info["name"]
    print("hello", name, "at", asyncio.get_running_loop().time())
    return web.Response(text=f"Hello, {name}")

async def main():
    app = web.Application()
    app.add_routes([web.get("/", index), web.get("/hello/{name}", hello)])
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "localhost", 8080)
    await site.start()
    print("serving")
    await asyncio.sleep(5)
    await runner.cleanup()
    print("stopped at", asyncio.get_running_loop().time())

asyncio.run(main())
