"""Loopscope's simulated `aiohttp` (conformance reference stand-in).

Client: ClientSession, session.get/post/put/delete/patch/head/request,
responses with .status/.url/.text()/.json()/.read()/raise_for_status().
Server: see aiohttp.web.  Timing and settings: contract section 6.
"""

import asyncio
import json as _json
from http import HTTPStatus as _HTTPStatus

from . import _sim

__version__ = "3.8.4-loopscope-sim"


def _reason(code):
    try:
        return _HTTPStatus(code).phrase
    except ValueError:
        return ""


class ClientError(Exception):
    pass


class RequestInfo:
    def __init__(self, url, method):
        self.url = url
        self.real_url = url
        self.method = method
        self.headers = {}

    def __repr__(self):
        return f"RequestInfo(url={self.url!r}, method={self.method!r})"


class ClientResponseError(ClientError):
    def __init__(self, request_info, history, *, status=None, message="",
                 headers=None):
        self.request_info = request_info
        self.history = history
        self.status = status if status is not None else 0
        self.message = message
        self.headers = headers
        super().__init__(request_info, history)

    def __str__(self):
        return "{}, message={!r}, url={!r}".format(
            self.status, self.message, str(self.request_info.real_url))

    def __repr__(self):
        return f"{type(self).__name__}({self.request_info!r}, {self.history!r})"


class ContentTypeError(ClientResponseError):
    pass


class ClientTimeout:
    def __init__(self, total=None, connect=None, sock_read=None,
                 sock_connect=None):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect


class ClientResponse:
    def __init__(self, method, url):
        self.method = method
        self.url = url
        self.real_url = url
        self.status = _sim.status_of(url)
        self.reason = _reason(self.status)
        self._body = _sim.body_of(url)
        self.headers = {}
        self.history = ()
        self.request_info = RequestInfo(url, method)
        self.closed = False
        self.ok = self.status < 400

    async def text(self, encoding=None, errors="strict"):
        return self._body

    async def read(self):
        return self._body.encode("utf-8")

    async def json(self, *, encoding=None, loads=_json.loads,
                   content_type="application/json"):
        return loads(self._body)

    def raise_for_status(self):
        if self.status >= 400:
            raise ClientResponseError(self.request_info, self.history,
                                      status=self.status, message=self.reason,
                                      headers=self.headers)

    def release(self):
        self.closed = True

    def close(self):
        self.closed = True

    def __repr__(self):
        return f"<ClientResponse({self.url}) [{self.status} {self.reason}]>"


class _RequestContextManager:
    """What session.get() returns: usable with `async with` and `await`."""

    def __init__(self, session, method, url):
        self._session = session
        self._method = method
        self._url = str(url)
        self._resp = None

    async def _request(self):
        if self._session.closed:
            raise RuntimeError("Session is closed")
        await asyncio.sleep(_sim.latency_of(self._url))
        self._resp = ClientResponse(self._method, self._url)
        return self._resp

    def __await__(self):
        return self._request().__await__()

    async def __aenter__(self):
        return await self._request()

    async def __aexit__(self, exc_type, exc, tb):
        if self._resp is not None:
            self._resp.release()
        return None


class ClientSession:
    def __init__(self, *args, **kwargs):
        self.closed = False

    def request(self, method, url, **kwargs):
        return _RequestContextManager(self, method.upper(), url)

    def get(self, url, **kwargs):
        return _RequestContextManager(self, "GET", url)

    def post(self, url, **kwargs):
        return _RequestContextManager(self, "POST", url)

    def put(self, url, **kwargs):
        return _RequestContextManager(self, "PUT", url)

    def delete(self, url, **kwargs):
        return _RequestContextManager(self, "DELETE", url)

    def patch(self, url, **kwargs):
        return _RequestContextManager(self, "PATCH", url)

    def head(self, url, **kwargs):
        return _RequestContextManager(self, "HEAD", url)

    async def close(self):
        self.closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.closed = True
        return None


from . import web  # noqa: E402  (aiohttp.web after a plain `import aiohttp`)
