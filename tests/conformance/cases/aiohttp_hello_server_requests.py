import asyncio
import aiohttp
# sim: request 0.5 GET /Alice
# sim: request 0.5 GET /Bob
# sim: request 10 GET /

async def handle(request):
    name = request.match_info.get('name', 'Anonymous')
    text = f'Hello, {name}!'
    print("handled", name, asyncio.get_running_loop().time())
    return aiohttp.web.Response(text=text)

async def init_app():
    app = aiohttp.web.Application()
    app.add_routes([aiohttp.web.get('/{name}', handle), aiohttp.web.get('/', handle)])
    return app

async def main():
    app = await init_app()
    runner = aiohttp.web.AppRunner(app)
    await runner.setup()
    site = aiohttp.web.TCPSite(runner, 'localhost', 8080)
    await site.start()
    print('Server started at http://localhost:8080/')
    await asyncio.sleep(3600)
    print("stopping at", asyncio.get_running_loop().time())

asyncio.run(main())
