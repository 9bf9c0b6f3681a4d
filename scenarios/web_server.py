# An aiohttp.web server answering "Hello, {name}!".
# Simulated clients arrive at the times given by `# sim: request` lines;
# their answers appear in the client log, not in the program's output.
# sim: request 0.5 GET /Alice
# sim: request 1.0 GET /Bob
# sim: request 1.0 GET /
# sim: request 2.5 GET /Carol
import asyncio
from aiohttp import web


async def hello(request):
    name = request.match_info.get("name", "Anonymous")
    await asyncio.sleep(0.2)  # pretend to look something up
    return web.Response(text=f"Hello, {name}!")


async def main():
    app = web.Application()
    app.add_routes([web.get("/", hello), web.get("/{name}", hello)])
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "localhost", 8080)
    await site.start()
    print("Server started at http://localhost:8080/")
    await asyncio.sleep(3)
    await runner.cleanup()
    print("Server stopped")


asyncio.run(main())
