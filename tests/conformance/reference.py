#!/usr/bin/python3
"""Loopscope conformance reference runner.

Usage: /usr/bin/python3 tests/conformance/reference.py PROGRAM.py

Runs PROGRAM.py in real CPython 3.11 under the rules of
shared/spec/contract.md: a virtual clock instead of wall time, timers with
equal deadlines firing in scheduling order, deadlock detection, a virtual
time.sleep, random seeded with 0, and a simulated `aiohttp` module.

Exit status: the program's (0, 1 after an uncaught exception or a deadlock,
n for sys.exit(n)); 2 when the program is refused (syntax error, malformed
`# sim:` line), as `loopscope run` does.
"""

import os
import sys

sys.dont_write_bytecode = True  # keep the source tree clean
HERE = os.path.dirname(os.path.abspath(__file__))
# The aiohttp stand-in shadows any real aiohttp.
sys.path.insert(0, os.path.join(HERE, "sim_aiohttp"))

import asyncio
import heapq
import itertools
import random
import selectors
import time
import traceback

# ---------------------------------------------------------------------------
# The virtual clock: one per process, starts at 0.0.

_clock = [0.0]
_program = [None]  # path of the program being run


def _now():
    return _clock[0]


def _time_sleep(secs):
    # Blocks the whole thread: the clock advances, nothing else runs.
    secs = float(secs)
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    _clock[0] = _clock[0] + secs


# ---------------------------------------------------------------------------
# Timers compare by (when, seq): equal deadlines fire in scheduling order.

_timer_seq = itertools.count()


class _SeqTimerHandle(asyncio.TimerHandle):
    __slots__ = ("_seq",)

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(when, callback, args, loop, context)
        self._seq = next(_timer_seq)

    def _key(self):
        return (self._when, self._seq)

    def __lt__(self, other):
        if isinstance(other, _SeqTimerHandle):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, _SeqTimerHandle):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, _SeqTimerHandle):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, _SeqTimerHandle):
            return self._key() >= other._key()
        return NotImplemented

    __hash__ = asyncio.TimerHandle.__hash__


# ---------------------------------------------------------------------------
# Deadlock report.

def _describe_waiter(task):
    waiter = getattr(task, "_fut_waiter", None)
    if waiter is None:
        return "nothing (scheduled)"
    if isinstance(waiter, asyncio.Task):
        return f"task {waiter.get_name()}"
    return repr(waiter)


def _task_order(task):
    name = task.get_name()
    if name.startswith("Task-") and name[5:].isdigit():
        return (0, int(name[5:]), name)
    return (1, 0, name)


def _deadlock(loop):
    try:
        sys.stdout.flush()
    except Exception:
        pass
    tasks = [t for t in asyncio.all_tasks(loop) if not t.done()]
    tasks.sort(key=_task_order)
    lines = [f"deadlock at t={_now()!r}: the loop must wait, nothing is ready "
             f"and no timer is pending"]
    for t in tasks:
        coro = t.get_coro()
        coro_name = getattr(coro, "__qualname__", None) or repr(coro)
        # Walk the await chain down to the innermost suspended frame.
        where = ""
        frames = []
        c = coro
        while c is not None and len(frames) < 100:
            frame = getattr(c, "cr_frame", None) or getattr(c, "gi_frame", None) \
                or getattr(c, "ag_frame", None)
            if frame is None:
                break
            frames.append(frame)
            c = getattr(c, "cr_await", None) or getattr(c, "gi_yieldfrom", None)
        if frames:
            inner = frames[-1]
            where = f" in {inner.f_code.co_qualname}()"
            prog = [f for f in frames if f.f_code.co_filename == _program[0]]
            if prog:
                where += f", from line {prog[-1].f_lineno}"
        lines.append(f"deadlock: {t.get_name()} ({coro_name}) waits on "
                     f"{_describe_waiter(t)}{where}")
    if not tasks:
        lines.append("deadlock: no task is pending (loop.run_forever with "
                     "nothing scheduled)")
    try:
        sys.stderr.write("\n".join(lines) + "\n")
        sys.stderr.flush()
    except Exception:
        pass
    os._exit(1)


# ---------------------------------------------------------------------------
# The selector never sleeps.

class _VirtualSelector(selectors.DefaultSelector):
    loop = None

    def select(self, timeout=None):
        loop = self.loop
        if timeout is None:
            # Would block forever: nothing ready, no timer, not stopping.
            _deadlock(loop)
        elif timeout > 0 and loop is not None and loop._scheduled:
            when = loop._scheduled[0]._when
            # Jump to the earliest (non-cancelled: _run_once just dropped
            # cancelled heads) timer, unless it is already due within the
            # clock resolution: then the clock does not move.
            if when >= _clock[0] + loop._clock_resolution:
                _clock[0] = when
        return super().select(0)


class VirtualEventLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        selector = _VirtualSelector()
        super().__init__(selector)
        selector.loop = self
        self._clock_resolution = 1e-9

    def time(self):
        return _clock[0]

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, 'call_at')
        timer = _SeqTimerHandle(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer


class VirtualEventLoopPolicy(asyncio.DefaultEventLoopPolicy):
    _loop_factory = VirtualEventLoop


# ---------------------------------------------------------------------------

def _flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass


def _exit_code_of(exc):
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    try:
        sys.stderr.write(str(code) + "\n")
    except Exception:
        pass
    return 1


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: reference.py PROGRAM.py\n")
        return 2
    path = argv[1]
    _program[0] = path
    try:
        with open(path, "rb") as f:
            raw = f.read()
        source = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        sys.stderr.write(f"{path}: cannot read program: {e}\n")
        return 2

    # `# sim:` lines are checked before anything runs.
    import aiohttp
    from aiohttp import _sim
    try:
        _sim.configure(source, path)
    except _sim.SimLineError as e:
        sys.stderr.write(f"{e}\n")
        return 2

    try:
        code = compile(source, path, "exec", dont_inherit=True)
    except SyntaxError as e:
        traceback.print_exception(type(e), e, None)
        return 2

    # Virtual time for the time module.
    time.time = _now
    time.monotonic = _now
    time.perf_counter = _now
    time.sleep = _time_sleep

    asyncio.set_event_loop_policy(VirtualEventLoopPolicy())
    random.seed(0)

    import types
    module = types.ModuleType("__main__")
    module.__file__ = path
    module.__builtins__ = __builtins__
    sys.modules["__main__"] = module
    sys.argv = [path]
    try:
        exec(code, module.__dict__)
    except SystemExit as e:
        status = _exit_code_of(e)
        _flush()
        return status
    except BaseException as e:
        _flush()
        tb = e.__traceback__
        if tb is not None:
            tb = tb.tb_next  # drop this runner's frame
        traceback.print_exception(type(e), e, tb)
        _flush()
        return 1
    _flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
