"""Settings of the simulated network, read from `# sim:` lines.

Grammar (contract section 6), one directive per whole-line comment:

    # sim: latency URL SECONDS
    # sim: body URL TEXT...        (rest of the line, leading spaces dropped)
    # sim: status URL CODE
    # sim: request T METHOD PATH [BODY...]

A line is a directive when, after optional indentation, it starts with
`# sim:`.  A later latency/body/status line for the same URL wins.
"""

import math
import re

_DIRECTIVE = re.compile(r"^[ \t]*# sim:(.*)$")


class SimLineError(Exception):
    pass


latency = {}   # url -> float seconds
body = {}      # url -> str
status = {}    # url -> int
requests = []  # list of (t, method, path, body, lineno) in line order
program_path = "<program>"


def _number(text):
    value = float(text)
    if math.isnan(value) or math.isinf(value) or value < 0:
        raise ValueError(text)
    return value


def configure(source, path):
    global program_path
    program_path = path
    latency.clear()
    body.clear()
    status.clear()
    del requests[:]
    for lineno, line in enumerate(source.splitlines(), 1):
        m = _DIRECTIVE.match(line)
        if not m:
            continue
        rest = m.group(1)

        def bad(why):
            raise SimLineError(
                f"{path}:{lineno}: malformed '# sim:' line: {why}: {line.strip()}")

        parts = rest.split(None, 1)
        if not parts:
            bad("missing directive (expected latency, body, status or request)")
        kind = parts[0]
        args = parts[1] if len(parts) > 1 else ""
        if kind == "latency":
            fields = args.split()
            if len(fields) != 2:
                bad("expected '# sim: latency URL SECONDS'")
            try:
                latency[fields[0]] = _number(fields[1])
            except ValueError:
                bad(f"latency {fields[1]!r} is not a non-negative number")
        elif kind == "status":
            fields = args.split()
            if len(fields) != 2:
                bad("expected '# sim: status URL CODE'")
            if not fields[1].isdigit() or not 100 <= int(fields[1]) <= 599:
                bad(f"status {fields[1]!r} is not an HTTP status code (100-599)")
            status[fields[0]] = int(fields[1])
        elif kind == "body":
            fields = args.split(None, 1)
            if not fields:
                bad("expected '# sim: body URL TEXT'")
            text = fields[1] if len(fields) > 1 else ""
            body[fields[0]] = text.lstrip(" \t")
        elif kind == "request":
            fields = args.split(None, 3)
            if len(fields) < 3:
                bad("expected '# sim: request T METHOD PATH [BODY]'")
            try:
                t = _number(fields[0])
            except ValueError:
                bad(f"time {fields[0]!r} is not a non-negative number")
            method = fields[1]
            if not method.isalpha() or not method.isupper():
                bad(f"method {method!r} is not an HTTP method")
            req_path = fields[2]
            if not req_path.startswith("/"):
                bad(f"path {req_path!r} does not start with '/'")
            req_body = fields[3].lstrip(" \t") if len(fields) > 3 else ""
            requests.append((t, method, req_path, req_body, lineno))
        else:
            bad(f"unknown directive {kind!r} (expected latency, body, status or request)")


def latency_of(url):
    if url in latency:
        return latency[url]
    path = url.split("#", 1)[0].split("?", 1)[0]
    m = re.search(r"/delay/([0-9]+(?:\.[0-9]*)?)$", path)
    if m:
        return float(m.group(1))
    return 1.0


def body_of(url):
    if url in body:
        return body[url]
    return '{"url": "' + url + '"}'


def status_of(url):
    return status.get(url, 200)
