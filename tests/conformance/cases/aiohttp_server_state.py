import asyncio
from aiohttp import web
# sim: request 1 GET /count
# sim: request 2 GET /count
# sim: request 2 POST /reset
# sim: request 3 GET /count

state = {"hits": 0}
lock = asyncio.Lock()

async def count(request):
    async with lock:
        state["hits"] += 1
        await asyncio.sleep(0.1)
        print("hits", state["hits"])
        return web.Response(text=str(state["hits"]))

async def reset(request):
    state["hits"] = 0
    print("reset")
    return web.Response(text="reset", status=202)

app = web.Application()
app.router.add_get("/count", count)
app.router.add_post("/reset", reset)
web.run_app(app, port=8081)
