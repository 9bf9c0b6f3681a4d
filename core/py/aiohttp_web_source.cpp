// aiohttp_web_source.cpp: the Python source of the simulated aiohttp.web
// server (contract section 6), compiled by this VM when aiohttp is imported.
//
// Written in Python so that handler tasks, arrivals (loop.call_at) and the
// wait for the last response are ordinary asyncio operations on the
// simulated loop and appear in the trace like any program's own.  Only the
// VM's Python subset is used: single inheritance (so HTTP exceptions are not
// also Responses), no `re` (routes are matched segment by segment).  The
// natives _sim_requests, _client_log, _stderr and
// _print_exception come from aiohttp_web.cpp.
#include "core/py/aiohttp_web.h"

namespace py {

const char* const kAiohttpWebSource = R"PY(
import asyncio
import json

_REASONS = {200: "OK", 201: "Created", 202: "Accepted", 204: "No Content",
            301: "Moved Permanently", 302: "Found", 304: "Not Modified",
            400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
            404: "Not Found", 405: "Method Not Allowed", 409: "Conflict",
            410: "Gone", 418: "I'm a Teapot", 422: "Unprocessable Entity",
            429: "Too Many Requests", 500: "Internal Server Error",
            501: "Not Implemented", 502: "Bad Gateway",
            503: "Service Unavailable", 504: "Gateway Timeout"}


def _reason(code):
    return _REASONS.get(code, "")


def _unquote(s, plus=False):
    if plus:
        s = s.replace("+", " ")
    if "%" not in s:
        return s
    out = []
    i = 0
    n = len(s)
    hexdigits = "0123456789abcdefABCDEF"
    while i < n:
        ch = s[i]
        if ch == "%" and i + 2 < n + 0 and s[i + 1] in hexdigits and s[i + 2] in hexdigits:
            out.append(chr(int(s[i + 1:i + 3], 16)))
            i += 3
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _parse_qsl(qs):
    pairs = []
    if not qs:
        return pairs
    for part in qs.split("&"):
        if not part:
            continue
        k, eq, v = part.partition("=")
        pairs.append((_unquote(k, True), _unquote(v, True)))
    return pairs


class StreamResponse:
    def __init__(self, *, status=200, reason=None, headers=None):
        self.status = status
        self.reason = reason if reason is not None else _reason(status)
        self.headers = dict(headers or {})

    def set_status(self, status, reason=None):
        self.status = status
        self.reason = reason if reason is not None else _reason(status)


class Response(StreamResponse):
    def __init__(self, *, body=None, status=200, reason=None, text=None,
                 headers=None, content_type=None, charset=None):
        super().__init__(status=status, reason=reason, headers=headers)
        if body is not None and text is not None:
            raise ValueError("body and text are not allowed together")
        if text is not None:
            if not isinstance(text, str):
                raise TypeError(f"text argument must be str ({type(text)!r})")
            self.text = text
        elif body is None:
            self.text = ""
        else:
            self.text = str(body)
        self.content_type = content_type or "text/plain"
        self.charset = charset or "utf-8"


def json_response(data=None, *, text=None, body=None, status=200, reason=None,
                  headers=None, content_type="application/json", dumps=None):
    if data is not None:
        text = (dumps if dumps is not None else json.dumps)(data)
    return Response(text=text, body=body, status=status, reason=reason,
                    headers=headers, content_type=content_type)


class HTTPException(Exception):
    status_code = -1

    def __init__(self, *, headers=None, reason=None, body=None, text=None,
                 content_type=None):
        self.status = self.status_code
        self.reason = reason if reason is not None else _reason(self.status_code)
        if body is None and text is None:
            text = f"{self.status_code}: {self.reason}"
        self.text = text if text is not None else str(body)
        self.headers = dict(headers or {})
        self.content_type = content_type or "text/plain"
        super().__init__(self.reason)

    def __str__(self):
        return self.reason


class HTTPError(HTTPException):
    pass


class HTTPClientError(HTTPError):
    pass


class HTTPServerError(HTTPError):
    pass


class HTTPBadRequest(HTTPClientError):
    status_code = 400


class HTTPUnauthorized(HTTPClientError):
    status_code = 401


class HTTPForbidden(HTTPClientError):
    status_code = 403


class HTTPNotFound(HTTPClientError):
    status_code = 404


class HTTPMethodNotAllowed(HTTPClientError):
    status_code = 405

    def __init__(self, method="", allowed_methods=(), **kwargs):
        self.method = method
        self.allowed_methods = set(allowed_methods)
        super().__init__(**kwargs)


class HTTPConflict(HTTPClientError):
    status_code = 409


class HTTPInternalServerError(HTTPServerError):
    status_code = 500


class HTTPServiceUnavailable(HTTPServerError):
    status_code = 503


class Request:
    def __init__(self, app, method, path, query_string, match_info, body):
        self.app = app
        self.method = method
        self.path = path
        self.query_string = query_string
        self.path_qs = path + ("?" + query_string if query_string else "")
        self.raw_path = self.path_qs
        self.rel_url = self.path_qs
        self.query = {}
        for k, v in _parse_qsl(query_string):
            if k not in self.query:
                self.query[k] = v
        self.match_info = match_info
        self.headers = {}
        self._body = body
        self.can_read_body = bool(body)
        self.body_exists = bool(body)

    async def text(self):
        return self._body

    async def json(self, *, loads=None):
        if loads is not None:
            return loads(self._body)
        return _json_loads(self._body)

    async def post(self):
        out = {}
        for k, v in _parse_qsl(self._body):
            if k not in out:
                out[k] = v
        return out

    def __repr__(self):
        return f"<Request {self.method} {self.path} >"


class RouteDef:
    def __init__(self, method, path, handler, kwargs=None):
        self.method = method
        self.path = path
        self.handler = handler
        self.kwargs = kwargs or {}

    def register(self, router):
        return router.add_route(self.method, self.path, self.handler)

    def __repr__(self):
        return f"<RouteDef {self.method} {self.path} -> {self.handler.__name__!r}>"


def route(method, path, handler, **kwargs):
    return RouteDef(method, path, handler, kwargs)


def get(path, handler, **kwargs):
    return RouteDef("GET", path, handler, kwargs)


def post(path, handler, **kwargs):
    return RouteDef("POST", path, handler, kwargs)


def put(path, handler, **kwargs):
    return RouteDef("PUT", path, handler, kwargs)


def patch(path, handler, **kwargs):
    return RouteDef("PATCH", path, handler, kwargs)


def delete(path, handler, **kwargs):
    return RouteDef("DELETE", path, handler, kwargs)


def head(path, handler, **kwargs):
    return RouteDef("HEAD", path, handler, kwargs)


class RouteTableDef:
    def __init__(self):
        self._items = []

    def route(self, method, path, **kwargs):
        items = self._items

        def inner(handler):
            items.append(RouteDef(method, path, handler, kwargs))
            return handler
        return inner

    def get(self, path, **kwargs):
        return self.route("GET", path, **kwargs)

    def post(self, path, **kwargs):
        return self.route("POST", path, **kwargs)

    def put(self, path, **kwargs):
        return self.route("PUT", path, **kwargs)

    def patch(self, path, **kwargs):
        return self.route("PATCH", path, **kwargs)

    def delete(self, path, **kwargs):
        return self.route("DELETE", path, **kwargs)

    def head(self, path, **kwargs):
        return self.route("HEAD", path, **kwargs)

    def __len__(self):
        return len(self._items)

    def __getitem__(self, index):
        return self._items[index]


def _match_segment(pattern, seg, info):
    i = pattern.find("{")
    if i < 0:
        return pattern == seg
    j = pattern.find("}", i)
    if j < 0:
        return pattern == seg
    prefix = pattern[:i]
    name = pattern[i + 1:j]
    suffix = pattern[j + 1:]
    if len(seg) <= len(prefix) + len(suffix):
        return False
    if not seg.startswith(prefix) or not seg.endswith(suffix):
        return False
    info[name] = _unquote(seg[len(prefix):len(seg) - len(suffix)])
    return True


class _Route:
    def __init__(self, method, path, handler):
        self.method = method.upper()
        self.path = path
        self.handler = handler
        self._segments = path.split("/")

    def match(self, path):
        segs = path.split("/")
        if len(segs) != len(self._segments):
            return None
        info = {}
        for k in range(len(segs)):
            if not _match_segment(self._segments[k], segs[k], info):
                return None
        return info


class UrlDispatcher:
    def __init__(self):
        self._routes = []

    def add_route(self, method, path, handler, **kwargs):
        r = _Route(method, path, handler)
        self._routes.append(r)
        return r

    def add_get(self, path, handler, **kwargs):
        return self.add_route("GET", path, handler)

    def add_post(self, path, handler, **kwargs):
        return self.add_route("POST", path, handler)

    def add_put(self, path, handler, **kwargs):
        return self.add_route("PUT", path, handler)

    def add_patch(self, path, handler, **kwargs):
        return self.add_route("PATCH", path, handler)

    def add_delete(self, path, handler, **kwargs):
        return self.add_route("DELETE", path, handler)

    def add_routes(self, routes):
        if isinstance(routes, RouteTableDef):
            routes = routes._items
        return [rd.register(self) for rd in routes]

    def _resolve(self, method, path):
        allowed = []
        for r in self._routes:
            info = r.match(path)
            if info is None:
                continue
            if r.method == method or r.method == "*":
                return r.handler, info, allowed
            allowed.append(r.method)
        return None, {}, allowed


class Application:
    def __init__(self, *args, **kwargs):
        self.router = UrlDispatcher()
        self.on_startup = []
        self.on_cleanup = []
        self.on_shutdown = []
        self._state = {}

    def add_routes(self, routes):
        return self.router.add_routes(routes)

    def __getitem__(self, key):
        return self._state[key]

    def __setitem__(self, key, value):
        self._state[key] = value

    def __contains__(self, key):
        return key in self._state

    def get(self, key, default=None):
        return self._state.get(key, default)

    def __repr__(self):
        return "<Application>"


class _Server:
    started = False
    total = 0
    answered = 0
    arrivals = []
    waiters = []


async def _serve(app, method, target, body):
    loop = asyncio.get_running_loop()
    path, sep, query_string = target.partition("?")
    handler, match_info, allowed = app.router._resolve(method, path)
    request = Request(app, method, path, query_string, match_info, body)
    status = 500
    text = ""
    try:
        if handler is None:
            if allowed:
                raise HTTPMethodNotAllowed(method, allowed)
            raise HTTPNotFound()
        resp = await handler(request)
        if not isinstance(resp, StreamResponse):
            raise RuntimeError(
                f"Web-handler should return a response instance, got {resp!r}")
        status = resp.status
        text = resp.text if isinstance(resp, Response) else ""
    except HTTPException as e:
        status = e.status
        text = e.text
    except Exception as e:
        _stderr("Error handling request\n")
        _print_exception(e)
        status = 500
        text = "500: Internal Server Error"
    _client_log(f"[client] {loop.time():.2f} {method} {target} -> {status} {text}\n")
    _Server.answered += 1
    _check_all_answered()


def _check_all_answered():
    if _Server.answered >= _Server.total:
        waiters = _Server.waiters
        _Server.waiters = []
        for w in waiters:
            if not w.done():
                w.set_result(None)


def _arrive(app, method, target, body):
    asyncio.get_running_loop().create_task(_serve(app, method, target, body))


def _start_clients(app):
    if _Server.started:
        return
    _Server.started = True
    loop = asyncio.get_running_loop()
    now = loop.time()
    reqs = _sim_requests()
    _Server.total = len(reqs)
    for t, method, target, body in reqs:
        h = loop.call_at(max(t, now), _arrive, app, method, target, body)
        _Server.arrivals.append(h)


async def _all_answered():
    if _Server.answered >= _Server.total:
        return
    fut = asyncio.get_running_loop().create_future()
    _Server.waiters.append(fut)
    await fut


class AppRunner:
    def __init__(self, app, **kwargs):
        self.app = app
        self._sites = []
        self._setup = False

    @property
    def sites(self):
        return set(self._sites)

    async def setup(self):
        self._setup = True
        for cb in list(self.app.on_startup):
            await cb(self.app)

    async def cleanup(self):
        for site in list(self._sites):
            await site.stop()
        for h in _Server.arrivals:
            h.cancel()
        _Server.arrivals = []
        for cb in list(self.app.on_shutdown):
            await cb(self.app)
        for cb in list(self.app.on_cleanup):
            await cb(self.app)
        self._setup = False


class BaseSite:
    pass


class TCPSite(BaseSite):
    def __init__(self, runner, host=None, port=None, **kwargs):
        self._runner = runner
        self._host = host
        self._port = 8080 if port is None else port

    @property
    def name(self):
        host = "0.0.0.0" if self._host is None else self._host
        return f"http://{host}:{self._port}"

    async def start(self):
        if not self._runner._setup:
            raise RuntimeError("Call runner.setup() before making a site")
        self._runner._sites.append(self)
        _start_clients(self._runner.app)

    async def stop(self):
        if self in self._runner._sites:
            self._runner._sites.remove(self)


async def _run_app(app, host, port, print_func):
    if asyncio.iscoroutine(app):
        app = await app
    runner = AppRunner(app)
    await runner.setup()
    try:
        site = TCPSite(runner, host, port)
        await site.start()
        if print_func is not None:
            print_func("======== Running on " + site.name + " ========\n(Press CTRL+C to quit)")
        await _all_answered()
    finally:
        await runner.cleanup()


def run_app(app, *, host=None, port=None, print=print, loop=None, **kwargs):
    asyncio.run(_run_app(app, host, port, print))
)PY";

}  // namespace py
