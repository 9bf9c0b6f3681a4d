import asyncio
import aiohttp
# sim: request 0 GET /search?q=python&limit=2
# sim: request 0 GET /search?q=asyncio
# sim: request 1.5 GET /search

async def search(request):
    q = request.query.get("q", "")
    limit = int(request.query.get("limit", "10"))
    print(f"search q={q!r} limit={limit} at {asyncio.get_running_loop().time()}")
    if not q:
        return aiohttp.web.Response(text="missing q", status=400)
    return aiohttp.web.json_response({"q": q, "limit": limit})

app = aiohttp.web.Application()
app.add_routes([aiohttp.web.get("/search", search)])
aiohttp.web.run_app(app)
print("after run_app")
