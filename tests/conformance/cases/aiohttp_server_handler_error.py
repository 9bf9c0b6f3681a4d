import asyncio
from aiohttp import web
# sim: request 0.5 GET /div/4
# sim: request 1 GET /div/0
# sim: request 1.5 GET /div/2

async def divide(request):
    n = int(request.match_info["n"])
    result = 100 // n
    print("computed", result)
    return web.Response(text=str(result))

async def main():
    app = web.Application()
    app.add_routes([web.get("/div/{n}", divide)])
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "0.0.0.0", 8000).start()
    await asyncio.sleep(2)
    print("server still alive at", asyncio.get_running_loop().time())
    await runner.cleanup()

asyncio.run(main())
