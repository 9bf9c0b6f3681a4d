"""Simulated `aiohttp.web` (contract section 6).

Simulated clients come from `# sim: request T METHOD PATH [BODY]` lines.
They are scheduled when the first site starts: each arrives at virtual time
max(T, start time) (loop.call_at, so same-time arrivals keep line order),
and on arrival a new task handles it (as aiohttp does per connection).
When its handler has returned, the client log line

    [client] T METHOD PATH -> STATUS BODY

goes to standard error, T being the completion time with two decimals.
"""

import asyncio
import json as _json
import re
import sys
import traceback
from http import HTTPStatus as _HTTPStatus
from urllib.parse import parse_qsl, unquote

from . import _sim


def _reason(code):
    try:
        return _HTTPStatus(code).phrase
    except ValueError:
        return ""


# ---------------------------------------------------------------------------
# Responses

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
            self._text = text
        elif body is None:
            self._text = ""
        elif isinstance(body, (bytes, bytearray)):
            self._text = bytes(body).decode("utf-8", "replace")
        else:
            self._text = str(body)
        self.content_type = content_type or "text/plain"
        self.charset = charset or "utf-8"

    @property
    def text(self):
        return self._text

    @text.setter
    def text(self, value):
        self._text = value

    @property
    def body(self):
        return self._text.encode("utf-8")


def json_response(data=None, *, text=None, body=None, status=200, reason=None,
                  headers=None, content_type="application/json",
                  dumps=_json.dumps):
    if data is not None:
        text = dumps(data)
    return Response(text=text, body=body, status=status, reason=reason,
                    headers=headers, content_type=content_type)


class HTTPException(Response, Exception):
    status_code = -1

    def __init__(self, *, headers=None, reason=None, body=None, text=None,
                 content_type=None):
        if body is None and text is None:
            text = f"{self.status_code}: {reason or _reason(self.status_code)}"
        Response.__init__(self, status=self.status_code, headers=headers,
                          reason=reason, body=body, text=text,
                          content_type=content_type)
        Exception.__init__(self, self.reason)

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


# ---------------------------------------------------------------------------
# Requests

class _Query(dict):
    """A minimal stand-in for a MultiDictProxy: first value wins."""

    def __init__(self, pairs):
        super().__init__()
        self._pairs = list(pairs)
        for k, v in self._pairs:
            if k not in self:
                dict.__setitem__(self, k, v)

    def getone(self, key, *default):
        if key in self:
            return self[key]
        if default:
            return default[0]
        raise KeyError(key)

    def getall(self, key, *default):
        values = [v for k, v in self._pairs if k == key]
        if values:
            return values
        if default:
            return default[0]
        raise KeyError(key)


class Request:
    def __init__(self, app, method, path, query_string, match_info, body):
        self.app = app
        self.method = method
        self.path = path
        self.query_string = query_string
        self.path_qs = path + ("?" + query_string if query_string else "")
        self.raw_path = self.path_qs
        self.query = _Query(parse_qsl(query_string, keep_blank_values=True))
        self.rel_url = self.path_qs
        self.match_info = match_info
        self.headers = {}
        self._body = body
        self.can_read_body = bool(body)
        self.body_exists = bool(body)

    async def text(self):
        return self._body

    async def read(self):
        return self._body.encode("utf-8")

    async def json(self, *, loads=_json.loads):
        return loads(self._body)

    async def post(self):
        return _Query(parse_qsl(self._body, keep_blank_values=True))

    def __repr__(self):
        return f"<Request {self.method} {self.path} >"


# ---------------------------------------------------------------------------
# Routing

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


def get(path, handler, *, name=None, allow_head=True, **kwargs):
    return route("GET", path, handler, **kwargs)


def post(path, handler, **kwargs):
    return route("POST", path, handler, **kwargs)


def put(path, handler, **kwargs):
    return route("PUT", path, handler, **kwargs)


def patch(path, handler, **kwargs):
    return route("PATCH", path, handler, **kwargs)


def delete(path, handler, **kwargs):
    return route("DELETE", path, handler, **kwargs)


def head(path, handler, **kwargs):
    return route("HEAD", path, handler, **kwargs)


class RouteTableDef:
    def __init__(self):
        self._items = []

    def route(self, method, path, **kwargs):
        def inner(handler):
            self._items.append(RouteDef(method, path, handler, kwargs))
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

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __getitem__(self, index):
        return self._items[index]


_PARAM = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def _compile_pattern(path):
    out = []
    pos = 0
    for m in _PARAM.finditer(path):
        out.append(re.escape(path[pos:m.start()]))
        out.append(f"(?P<{m.group(1)}>[^{{}}/]+)")
        pos = m.end()
    out.append(re.escape(path[pos:]))
    return re.compile("^" + "".join(out) + "$")


class _Route:
    def __init__(self, method, path, handler):
        self.method = method.upper()
        self.path = path
        self.handler = handler
        self._regex = _compile_pattern(path)

    def match(self, path):
        m = self._regex.match(path)
        if m is None:
            return None
        return {k: unquote(v) for k, v in m.groupdict().items()}


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
        return [rd.register(self) for rd in routes]

    def resolve(self, method, path):
        """(handler, match_info, allowed_methods) for a request."""
        allowed = []
        for r in self._routes:
            info = r.match(path)
            if info is None:
                continue
            if r.method in (method, "*"):
                return r.handler, info, allowed
            allowed.append(r.method)
        return None, {}, allowed


class Application(dict):
    def __init__(self, *args, **kwargs):
        super().__init__()
        self.router = UrlDispatcher()
        self.on_startup = []
        self.on_cleanup = []
        self.on_shutdown = []

    def add_routes(self, routes):
        return self.router.add_routes(routes)

    def __repr__(self):
        return "<Application>"

    __hash__ = object.__hash__
    __eq__ = object.__eq__


# ---------------------------------------------------------------------------
# Runner, sites and the simulated clients

class _Server:
    started = False
    total = 0
    answered = 0
    arrivals = []
    waiters = []


def _log(line):
    try:
        sys.stdout.flush()
    except Exception:
        pass
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


async def _serve(app, method, target, body):
    loop = asyncio.get_running_loop()
    path, _, query_string = target.partition("?")
    handler, match_info, allowed = app.router.resolve(method, path)
    request = Request(app, method, path, query_string, match_info, body)
    try:
        if handler is None:
            if allowed:
                raise HTTPMethodNotAllowed(method, allowed)
            raise HTTPNotFound()
        resp = await handler(request)
        if not isinstance(resp, StreamResponse):
            raise RuntimeError(
                f"Web-handler should return a response instance, got {resp!r}")
    except HTTPException as e:
        resp = e
    except Exception:
        _log("Error handling request")
        traceback.print_exc()
        resp = Response(status=500, text="500: Internal Server Error")
    text = resp.text if isinstance(resp, Response) else ""
    _log(f"[client] {loop.time():.2f} {method} {target} -> {resp.status} {text}")
    _Server.answered += 1
    _check_all_answered()


def _check_all_answered():
    if _Server.answered >= _Server.total:
        waiters, _Server.waiters = _Server.waiters, []
        for w in waiters:
            if not w.done():
                w.set_result(None)


def _arrive(app, method, target, body):
    _Server.arrivals = [h for h in _Server.arrivals if not h.cancelled()]
    asyncio.get_running_loop().create_task(_serve(app, method, target, body))


def _start_clients(app):
    if _Server.started:
        return
    _Server.started = True
    loop = asyncio.get_running_loop()
    now = loop.time()
    _Server.total = len(_sim.requests)
    for t, method, target, body, _lineno in _sim.requests:
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
        # Clients that have not arrived yet find the server gone.
        for h in _Server.arrivals:
            if not h.cancelled():
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


class GracefulExit(SystemExit):
    code = 1


async def _run_app(app, host, port, print_func):
    if asyncio.iscoroutine(app):
        app = await app
    runner = AppRunner(app)
    await runner.setup()
    try:
        site = TCPSite(runner, host, port)
        await site.start()
        if print_func is not None:
            names = sorted(str(s.name) for s in runner.sites)
            print_func("======== Running on {} ========\n"
                       "(Press CTRL+C to quit)".format(", ".join(names)))
        # Serve until the last simulated request has been answered.
        await _all_answered()
    finally:
        await runner.cleanup()


def _cancel_tasks(to_cancel, loop):
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(asyncio.gather(*to_cancel, return_exceptions=True))


def run_app(app, *, host=None, port=None, print=print, loop=None, **kwargs):
    if loop is None:
        loop = asyncio.new_event_loop()
    main_task = loop.create_task(_run_app(app, host, port, print))
    try:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(main_task)
    except (GracefulExit, KeyboardInterrupt):
        pass
    finally:
        _cancel_tasks({main_task}, loop)
        _cancel_tasks(asyncio.all_tasks(loop), loop)
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()
