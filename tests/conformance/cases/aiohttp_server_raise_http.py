import asyncio
from aiohttp import web
# sim: request 1 GET /users/1
# sim: request 1 GET /users/7

USERS = {"1": "ann"}

async def user(request):
    uid = request.match_info["uid"]
    if uid not in USERS:
        print("no user", uid)
        raise web.HTTPNotFound(text=f"user {uid} not found")
    return web.json_response({"id": uid, "name": USERS[uid]})

app = web.Application()
app.add_routes([web.get("/users/{uid}", user)])
web.run_app(app, host="localhost", port=8080)
