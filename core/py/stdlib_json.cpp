// stdlib_json.cpp: the `json` module: dumps (indent, sort_keys,
// separators, ensure_ascii, default, allow_nan) and loads with CPython's
// JSONDecodeError messages, as Python source compiled by this VM.
//
// Floats use repr() as CPython's encoder does; collections' mappings encode
// as objects and namedtuples as arrays, as in CPython where they subclass
// dict and tuple.
#include "core/py/runtime.h"
#include "core/py/stdlib_modules.h"

namespace py {

namespace {

const char* const kSource = R"PY(
class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        ValueError.__init__(self, "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _encode_str(s, ensure_ascii):
    out = ['"']
    for ch in s:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
            continue
        code = ord(ch)
        if code < 32 or (ensure_ascii and code > 126):
            if code > 0xFFFF:
                code -= 0x10000
                out.append("\\u" + format(0xD800 + (code >> 10), "04x"))
                out.append("\\u" + format(0xDC00 + (code & 0x3FF), "04x"))
            else:
                out.append("\\u" + format(code, "04x"))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _float_str(f, allow_nan):
    if f != f:
        text = "NaN"
    elif f == float("inf"):
        text = "Infinity"
    elif f == -float("inf"):
        text = "-Infinity"
    else:
        return repr(f)
    if not allow_nan:
        raise ValueError("Out of range float values are not JSON compliant")
    return text


class JSONEncoder:
    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator, self.key_separator = ",", ": "
        else:
            self.item_separator, self.key_separator = ", ", ": "
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError("Object of type " + type(o).__name__ + " is not JSON serializable")

    def encode(self, o):
        out = []
        self._encode(o, out, 0)
        return "".join(out)

    def _key(self, k):
        if isinstance(k, str):
            return k
        if k is True:
            return "true"
        if k is False:
            return "false"
        if k is None:
            return "null"
        if isinstance(k, float):
            return _float_str(k, self.allow_nan)
        if isinstance(k, int):
            return repr(k)
        if self.skipkeys:
            return None
        raise TypeError("keys must be str, int, float, bool or None, not " + type(k).__name__)

    def _newline(self, out, level):
        if self.indent is not None:
            out.append("\n" + self.indent * level)

    def _encode(self, o, out, level):
        if isinstance(o, str):
            out.append(_encode_str(o, self.ensure_ascii))
        elif o is None:
            out.append("null")
        elif o is True:
            out.append("true")
        elif o is False:
            out.append("false")
        elif isinstance(o, int):
            out.append(repr(o))
        elif isinstance(o, float):
            out.append(_float_str(o, self.allow_nan))
        elif isinstance(o, (list, tuple)):
            if not o:
                out.append("[]")
                return
            out.append("[")
            first = True
            for item in o:
                if not first:
                    out.append(self.item_separator)
                first = False
                self._newline(out, level + 1)
                self._encode(item, out, level + 1)
            self._newline(out, level)
            out.append("]")
        elif isinstance(o, dict):
            if not o:
                out.append("{}")
                return
            out.append("{")
            items = list(o.items())
            if self.sort_keys:
                items = sorted(items, key=lambda kv: kv[0])
            first = True
            for k, v in items:
                key = self._key(k)
                if key is None:
                    continue
                if not first:
                    out.append(self.item_separator)
                first = False
                self._newline(out, level + 1)
                out.append(_encode_str(key, self.ensure_ascii))
                out.append(self.key_separator)
                self._encode(v, out, level + 1)
            self._newline(out, level)
            out.append("}")
        elif hasattr(o, "keys") and hasattr(o, "items") and type(o).__module__ == "collections":
            self._encode(dict(o.items()), out, level)
        elif hasattr(o, "_asdict") and type(o).__module__ != "builtins":
            self._encode(tuple(o), out, level)
        else:
            self._encode(self.default(o), out, level)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False, **kw):
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


_WS = " \t\n\r"
_NUMBER_START = "-0123456789"
_UNESCAPE = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


class _Parser:
    def __init__(self, doc, object_hook, parse_float, parse_int, object_pairs_hook):
        self.doc = doc
        self.object_hook = object_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.object_pairs_hook = object_pairs_hook

    def skip(self, i):
        doc = self.doc
        n = len(doc)
        while i < n and doc[i] in _WS:
            i += 1
        return i

    def value(self, i):
        doc = self.doc
        if i >= len(doc):
            raise JSONDecodeError("Expecting value", doc, i)
        ch = doc[i]
        if ch == '"':
            return self.string(i + 1)
        if ch == "{":
            return self.object(i + 1)
        if ch == "[":
            return self.array(i + 1)
        if ch == "n" and doc[i:i + 4] == "null":
            return None, i + 4
        if ch == "t" and doc[i:i + 4] == "true":
            return True, i + 4
        if ch == "f" and doc[i:i + 5] == "false":
            return False, i + 5
        if ch == "N" and doc[i:i + 3] == "NaN":
            return float("nan"), i + 3
        if ch == "I" and doc[i:i + 8] == "Infinity":
            return float("inf"), i + 8
        if ch == "-" and doc[i:i + 9] == "-Infinity":
            return float("-inf"), i + 9
        if ch in _NUMBER_START:
            return self.number(i)
        raise JSONDecodeError("Expecting value", doc, i)

    def number(self, start):
        doc = self.doc
        n = len(doc)
        i = start
        if doc[i] == "-":
            i += 1
        if i >= n or doc[i] not in "0123456789":
            raise JSONDecodeError("Expecting value", doc, start)
        if doc[i] == "0":
            i += 1
        else:
            while i < n and doc[i] in "0123456789":
                i += 1
        is_float = False
        if i + 1 < n and doc[i] == "." and doc[i + 1] in "0123456789":
            is_float = True
            i += 1
            while i < n and doc[i] in "0123456789":
                i += 1
        if i < n and doc[i] in "eE":
            j = i + 1
            if j < n and doc[j] in "+-":
                j += 1
            if j < n and doc[j] in "0123456789":
                is_float = True
                i = j
                while i < n and doc[i] in "0123456789":
                    i += 1
        text = doc[start:i]
        if is_float:
            return (self.parse_float or float)(text), i
        return (self.parse_int or int)(text), i

    def string(self, i):
        doc = self.doc
        n = len(doc)
        begin = i - 1
        chunks = []
        while True:
            j = i
            while j < n and doc[j] != '"' and doc[j] != "\\" and ord(doc[j]) >= 32:
                j += 1
            chunks.append(doc[i:j])
            if j >= n:
                raise JSONDecodeError("Unterminated string starting at", doc, begin)
            ch = doc[j]
            if ch == '"':
                return "".join(chunks), j + 1
            if ch != "\\":
                raise JSONDecodeError("Invalid control character at", doc, j)
            if j + 1 >= n:
                raise JSONDecodeError("Unterminated string starting at", doc, begin)
            esc = doc[j + 1]
            if esc == "u":
                code = self.hex4(j + 2, j)
                i = j + 6
                if 0xD800 <= code <= 0xDBFF and doc[i:i + 2] == "\\u":
                    low = self.hex4(i + 2, i)
                    if 0xDC00 <= low <= 0xDFFF:
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                chunks.append(chr(code))
            elif esc in _UNESCAPE:
                chunks.append(_UNESCAPE[esc])
                i = j + 2
            else:
                raise JSONDecodeError("Invalid \\escape", self.doc, j)

    def hex4(self, i, at):
        text = self.doc[i:i + 4]
        if len(text) != 4 or len([c for c in text if c in "0123456789abcdefABCDEF"]) != 4:
            raise JSONDecodeError("Invalid \\uXXXX escape", self.doc, at)
        return int(text, 16)

    def object(self, i):
        doc = self.doc
        pairs = []
        i = self.skip(i)
        if i < len(doc) and doc[i] == "}":
            return self.finish_object(pairs), i + 1
        while True:
            if i >= len(doc) or doc[i] != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", doc, i)
            key, i = self.string(i + 1)
            i = self.skip(i)
            if i >= len(doc) or doc[i] != ":":
                raise JSONDecodeError("Expecting ':' delimiter", doc, i)
            i = self.skip(i + 1)
            value, i = self.value(i)
            pairs.append((key, value))
            i = self.skip(i)
            if i < len(doc) and doc[i] == "}":
                return self.finish_object(pairs), i + 1
            if i >= len(doc) or doc[i] != ",":
                raise JSONDecodeError("Expecting ',' delimiter", doc, i)
            i = self.skip(i + 1)

    def finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        d = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(d)
        return d

    def array(self, i):
        doc = self.doc
        items = []
        i = self.skip(i)
        if i < len(doc) and doc[i] == "]":
            return items, i + 1
        while True:
            value, i = self.value(i)
            items.append(value)
            i = self.skip(i)
            if i < len(doc) and doc[i] == "]":
                return items, i + 1
            if i >= len(doc) or doc[i] != ",":
                raise JSONDecodeError("Expecting ',' delimiter", doc, i)
            i = self.skip(i + 1)


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
          object_pairs_hook=None, **kw):
    if not isinstance(s, str):
        raise TypeError("the JSON object must be str, bytes or bytearray, not " + type(s).__name__)
    if s.startswith("\ufeff"):
        raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    p = _Parser(s, object_hook, parse_float, parse_int, object_pairs_hook)
    value, end = p.value(p.skip(0))
    end = p.skip(end)
    if end != len(s):
        raise JSONDecodeError("Extra data", s, end)
    return value


class JSONDecoder:
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
                 strict=True, object_pairs_hook=None):
        self._hooks = (object_hook, parse_float, parse_int, object_pairs_hook)

    def decode(self, s):
        return loads(s, object_hook=self._hooks[0], parse_float=self._hooks[1], parse_int=self._hooks[2],
                     object_pairs_hook=self._hooks[3])
)PY";

}  // namespace

Value installJson(VM& vm, DictObj* d) { return execStdlibSource(vm, "json", kSource, d); }

}  // namespace py
