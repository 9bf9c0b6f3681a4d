// aiohttp_module.cpp: the simulated aiohttp client (contract section 6).
//
// The client classes are written in Python (compiled by this VM when the
// program imports aiohttp), so that their awaits are real awaits on
// asyncio.sleep and take exactly the loop iterations the contract gives.
// The `# sim:` settings and JSON decoding are natives. The server side
// (aiohttp.web) is not implemented yet: `aiohttp.web` is absent.
#include <cctype>
#include <cstdlib>
#include <map>

#include "core/py/aiohttp_module.h"
#include "core/py/aiohttp_web.h"
#include "core/py/compiler.h"
#include "core/py/int_object.h"
#include "core/py/parser.h"
#include "core/py/runtime.h"
#include "core/py/runtime/float_ops.h"

namespace py {

namespace {

const char* kClientSource = R"PY(
import asyncio


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
    def __init__(self, request_info, history, *, status=None, message="", headers=None):
        super().__init__(request_info, history)
        self.request_info = request_info
        self.history = history
        self.status = 0 if status is None else status
        self.message = message
        self.headers = headers

    def __str__(self):
        return f"{self.status}, message={self.message!r}, url={str(self.request_info.real_url)!r}"

    def __repr__(self):
        return f"{type(self).__name__}({self.request_info!r}, {self.history!r})"


class ContentTypeError(ClientResponseError):
    pass


class ClientTimeout:
    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect


class ClientResponse:
    def __init__(self, method, url):
        self.method = method
        self.url = url
        self.real_url = url
        self.status = _sim_status(url)
        self.reason = _sim_reason(self.status)
        self._body = _sim_body(url)
        self.headers = {}
        self.history = ()
        self.request_info = RequestInfo(url, method)
        self.closed = False
        self.ok = self.status < 400

    async def text(self, encoding=None, errors="strict"):
        return self._body

    async def read(self):
        return self._body.encode()

    async def json(self, *, encoding=None, loads=None, content_type="application/json"):
        if loads is not None:
            return loads(self._body)
        return _json_loads(self._body)

    def raise_for_status(self):
        if self.status >= 400:
            raise ClientResponseError(self.request_info, self.history, status=self.status,
                                      message=self.reason, headers=self.headers)

    def release(self):
        self.closed = True

    def close(self):
        self.closed = True

    def __repr__(self):
        return f"<ClientResponse({self.url}) [{self.status} {self.reason}]>"


class _RequestContextManager:
    def __init__(self, session, method, url):
        self._session = session
        self._method = method
        self._url = url
        self._resp = None

    async def _request(self):
        if self._session.closed:
            raise RuntimeError("Session is closed")
        await asyncio.sleep(_sim_latency(self._url))
        self._resp = ClientResponse(self._method, self._url)
        return self._resp

    def __await__(self):
        return self._request()

    async def __aenter__(self):
        return await self._request()

    async def __aexit__(self, exc_type, exc, tb):
        if self._resp is not None:
            self._resp.release()


class ClientSession:
    def __init__(self, *args, **kwargs):
        self.closed = False

    def request(self, method, url, **kwargs):
        return _RequestContextManager(self, method, str(url))

    def get(self, url, **kwargs):
        return self.request("GET", url)

    def post(self, url, **kwargs):
        return self.request("POST", url)

    def put(self, url, **kwargs):
        return self.request("PUT", url)

    def delete(self, url, **kwargs):
        return self.request("DELETE", url)

    def patch(self, url, **kwargs):
        return self.request("PATCH", url)

    def head(self, url, **kwargs):
        return self.request("HEAD", url)

    async def close(self):
        self.closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()
)PY";

thread_local SimConfig* tConfig = nullptr;

std::string urlPath(const std::string& url) {
  std::size_t scheme = url.find("://");
  std::size_t start = scheme == std::string::npos ? 0 : url.find('/', scheme + 3);
  if (start == std::string::npos) return "/";
  std::size_t q = url.find_first_of("?#", start);
  return url.substr(start, q == std::string::npos ? std::string::npos : q - start);
}

Value simLatency(VM& vm, NativeObj*, CallArgs& a) {
  std::string url = vm.strOf(a.args[0]);
  auto it = tConfig->latency.find(url);
  if (it != tConfig->latency.end()) return Value::number(it->second);
  std::string path = urlPath(url);
  std::size_t d = path.rfind("/delay/");
  if (d != std::string::npos) {
    std::string n = path.substr(d + 7);
    if (!n.empty() && n.find_first_not_of("0123456789.") == std::string::npos && std::isdigit(static_cast<unsigned char>(n[0])))
      return Value::number(std::strtod(n.c_str(), nullptr));
  }
  return Value::number(1.0);
}

Value simBody(VM& vm, NativeObj*, CallArgs& a) {
  std::string url = vm.strOf(a.args[0]);
  auto it = tConfig->body.find(url);
  if (it != tConfig->body.end()) return vm.newStr(it->second);
  return vm.newStr("{\"url\": \"" + url + "\"}");
}

Value simStatus(VM& vm, NativeObj*, CallArgs& a) {
  std::string url = vm.strOf(a.args[0]);
  auto it = tConfig->status.find(url);
  return vm.newInt(it != tConfig->status.end() ? it->second : 200);
}

Value simReason(VM& vm, NativeObj*, CallArgs& a) {
  static const std::map<std::int64_t, const char*> reasons = {
      {200, "OK"}, {201, "Created"}, {202, "Accepted"}, {204, "No Content"}, {301, "Moved Permanently"},
      {302, "Found"}, {304, "Not Modified"}, {400, "Bad Request"}, {401, "Unauthorized"}, {403, "Forbidden"},
      {404, "Not Found"}, {405, "Method Not Allowed"}, {408, "Request Timeout"}, {409, "Conflict"},
      {410, "Gone"}, {418, "I'm a Teapot"}, {422, "Unprocessable Entity"}, {429, "Too Many Requests"},
      {500, "Internal Server Error"}, {501, "Not Implemented"}, {502, "Bad Gateway"},
      {503, "Service Unavailable"}, {504, "Gateway Timeout"}};
  auto it = reasons.find(intOf(a.args[0]));
  return vm.newStr(it == reasons.end() ? "" : it->second);
}

// A small JSON decoder producing dict/list/str/int/float/bool/None.
struct Json {
  VM& vm;
  const std::string& s;
  std::size_t i = 0;
  void ws() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  }
  Value fail() {
    return vm.raise(vm.t.ValueError, "Expecting value: line 1 column " + std::to_string(i + 1) + " (char " + std::to_string(i) + ")");
  }
  Value value() {
    ws();
    if (i >= s.size()) return fail();
    char c = s[i];
    if (c == '{') {
      ++i;
      DictObj* d = vm.newDict();
      ws();
      if (i < s.size() && s[i] == '}') {
        ++i;
        return Value::object(d);
      }
      for (;;) {
        ws();
        if (i >= s.size() || s[i] != '"') return fail();
        Value k = string();
        if (k == kError) return k;
        ws();
        if (i >= s.size() || s[i] != ':') return fail();
        ++i;
        Value v = value();
        if (v == kError) return v;
        d->table.set(vm, k, v);
        ws();
        if (i < s.size() && s[i] == ',') {
          ++i;
          continue;
        }
        if (i < s.size() && s[i] == '}') {
          ++i;
          return Value::object(d);
        }
        return fail();
      }
    }
    if (c == '[') {
      ++i;
      std::vector<Value> items;
      ws();
      if (i < s.size() && s[i] == ']') {
        ++i;
        return vm.newList(std::move(items));
      }
      for (;;) {
        Value v = value();
        if (v == kError) return v;
        items.push_back(v);
        ws();
        if (i < s.size() && s[i] == ',') {
          ++i;
          continue;
        }
        if (i < s.size() && s[i] == ']') {
          ++i;
          return vm.newList(std::move(items));
        }
        return fail();
      }
    }
    if (c == '"') return string();
    if (s.compare(i, 4, "true") == 0) return i += 4, Value::boolean(true);
    if (s.compare(i, 5, "false") == 0) return i += 5, Value::boolean(false);
    if (s.compare(i, 4, "null") == 0) return i += 4, Value::none();
    std::size_t start = i;
    bool isFloat = false;
    if (i < s.size() && s[i] == '-') ++i;
    while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.' || s[i] == 'e' ||
                            s[i] == 'E' || s[i] == '+' || s[i] == '-')) {
      if (!std::isdigit(static_cast<unsigned char>(s[i]))) isFloat = true;
      ++i;
    }
    if (i == start) return fail();
    std::string num = s.substr(start, i - start);
    if (isFloat) {
      auto d = rt::parseFloat(num);
      if (!d) return fail();
      return Value::number(*d);
    }
    auto b = rt::BigInt::parse(num, 10);
    if (!b) return fail();
    return makeInt(vm, *b);
  }
  Value string() {
    ++i;
    std::string out;
    while (i < s.size() && s[i] != '"') {
      if (s[i] == '\\' && i + 1 < s.size()) {
        char e = s[i + 1];
        i += 2;
        switch (e) {
          case 'n': out += '\n'; break;
          case 't': out += '\t'; break;
          case 'r': out += '\r'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'u': {
            std::uint32_t cp = static_cast<std::uint32_t>(std::strtoul(s.substr(i, 4).c_str(), nullptr, 16));
            i += 4;
            appendUtf8(out, cp);
            break;
          }
          default: out += e; break;
        }
      } else {
        out += s[i++];
      }
    }
    if (i >= s.size()) return vm.raise(vm.t.ValueError, "Unterminated string starting at: line 1 column 1 (char 0)");
    ++i;
    return vm.newStr(std::move(out));
  }
};

Value jsonLoads(VM& vm, NativeObj*, CallArgs& a) {
  if (a.n < 1 || !isKind(a.args[0], Kind::Str)) return vm.raise(vm.t.TypeError, "the JSON object must be str");
  Json j{vm, as<StrObj>(a.args[0])->s};
  Value v = j.value();
  if (v == kError) return v;
  j.ws();
  if (j.i != j.s.size())
    return vm.raise(vm.t.ValueError, "Extra data: line 1 column " + std::to_string(j.i + 1) + " (char " + std::to_string(j.i) + ")");
  return v;
}

}  // namespace

std::optional<std::pair<int, std::string>> parseSimLines(const std::vector<SimLine>& lines, SimConfig& config) {
  for (const SimLine& l : lines) {
    std::string text = l.text;
    std::size_t p = text.find_first_not_of(' ');
    if (p == std::string::npos) return std::make_pair(l.line, std::string("empty '# sim:' line"));
    text = text.substr(p);
    std::size_t sp = text.find(' ');
    std::string kind = text.substr(0, sp);
    std::string rest = sp == std::string::npos ? "" : text.substr(sp + 1);
    std::size_t rp = rest.find_first_not_of(' ');
    rest = rp == std::string::npos ? "" : rest.substr(rp);
    std::size_t sp2 = rest.find(' ');
    std::string first = rest.substr(0, sp2);
    std::string tail = sp2 == std::string::npos ? "" : rest.substr(sp2 + 1);
    std::size_t tp = tail.find_first_not_of(' ');
    tail = tp == std::string::npos ? "" : tail.substr(tp);
    auto bad = [&](const std::string& why) { return std::make_pair(l.line, "malformed '# sim:' line: " + why); };
    if (kind == "latency") {
      char* end = nullptr;
      double v = std::strtod(tail.c_str(), &end);
      if (first.empty() || tail.empty() || *end != '\0' || v < 0) return bad("expected 'latency URL SECONDS'");
      config.latency[first] = v;
    } else if (kind == "body") {
      if (first.empty()) return bad("expected 'body URL TEXT'");
      config.body[first] = tail;
    } else if (kind == "status") {
      char* end = nullptr;
      long v = std::strtol(tail.c_str(), &end, 10);
      if (first.empty() || tail.empty() || *end != '\0') return bad("expected 'status URL CODE'");
      config.status[first] = v;
    } else if (kind == "request") {
      char* end = nullptr;
      std::strtod(first.c_str(), &end);
      if (first.empty() || *end != '\0' || tail.empty()) return bad("expected 'request TIME METHOD PATH [BODY]'");
      config.requests.push_back(l.text);
    } else {
      return bad("unknown setting '" + kind + "'");
    }
  }
  return std::nullopt;
}

Value makeAiohttp(VM& vm, SimConfig& config) {
  tConfig = &config;
  DictObj* d = vm.newDict();
  vm.addRoot(Value::object(d));
  moduleSet(vm, d, "__name__", vm.newStr("aiohttp"));
  moduleFn(vm, d, "_sim_latency", simLatency);
  moduleFn(vm, d, "_sim_body", simBody);
  moduleFn(vm, d, "_sim_status", simStatus);
  moduleFn(vm, d, "_sim_reason", simReason);
  moduleFn(vm, d, "_json_loads", jsonLoads);
  if (execHelperSource(vm, kClientSource, "aiohttp", d) == kError) return kError;
  // Classes defined here report module 'aiohttp' (aiohttp.client_exceptions in the real one).
  for (auto& e : d->table.entries())
    if (isKind(e.value, Kind::Type))
      as<TypeObj>(e.value)->module = as<TypeObj>(e.value)->isException ? "aiohttp.client_exceptions" : "aiohttp";
  Value web = makeAiohttpWeb(vm, config, jsonLoads);
  if (web == kError) return kError;
  moduleSet(vm, d, "web", web);
  return newModule(vm, "aiohttp", d);
}

}  // namespace py
