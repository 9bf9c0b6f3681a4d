import asyncio
import aiohttp
from aiohttp import web
# sim: request 0.5 GET /items
# sim: request 1 POST /items {"name": "pen"}
# sim: request 1 GET /items
# sim: request 2 GET /items/0

routes = web.RouteTableDef()
items = []

@routes.get("/items")
async def list_items(request):
    print("list", len(items), request.method, request.path)
    return web.json_response({"items": items})

@routes.post("/items")
async def add_item(request):
    data = await request.json()
    items.append(data["name"])
    print("added", data["name"])
    return web.json_response({"ok": True}, status=201)

@routes.get("/items/{index}")
async def get_item(request):
    i = int(request.match_info["index"])
    return web.Response(text=items[i])

app = web.Application()
app.add_routes(routes)
web.run_app(app, host="127.0.0.1", port=9000)
print("server shut down")
