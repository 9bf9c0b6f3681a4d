import asyncio
from aiohttp import web
# sim: request 0 GET /work/3
# sim: request 0 GET /work/1
# sim: request 1 GET /work/0.5

async def work(request):
    d = float(request.match_info["secs"])
    name = asyncio.current_task().get_name()
    print(f"{asyncio.get_running_loop().time()} {name} starts {d}")
    await asyncio.sleep(d)
    print(f"{asyncio.get_running_loop().time()} {name} ends {d}")
    return web.Response(text=f"worked {d}")

app = web.Application()
app.add_routes([web.get("/work/{secs}", work)])
web.run_app(app, host="localhost", port=8080)
print("done")
