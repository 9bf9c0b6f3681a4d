import asyncio
from aiohttp import web
# sim: request 0.5 GET /ping
# sim: request 1 GET /ping
# sim: request 4 GET /ping

async def ping(request):
    print("pong at", asyncio.get_running_loop().time())
    return web.Response(text="pong")

async def main():
    app = web.Application()
    app.add_routes([web.get("/ping", ping)])
    await asyncio.sleep(2)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner).start()
    print("site started at", asyncio.get_running_loop().time())
    await asyncio.sleep(5)
    await runner.cleanup()

asyncio.run(main())
