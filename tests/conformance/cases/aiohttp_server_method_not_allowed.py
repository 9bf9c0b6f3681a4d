import aiohttp
from aiohttp import web
# sim: request 0.25 POST /only-get {"x": 1}
# sim: request 0.5 GET /only-get
# sim: request 0.75 DELETE /nowhere

async def only_get(request):
    print("GET handler, method", request.method)
    return web.Response(text="got it")

app = web.Application()
app.add_routes([web.get("/only-get", only_get)])
web.run_app(app)
print("finished")
