// stdlib_logging.cpp: the `logging` module (loggers, levels, handlers,
// formatters, basicConfig) as Python source compiled by this VM.
//
// Records are stamped with the virtual clock (time.time()), so %(asctime)s
// reads 1970-01-01 00:00:01,500 after 1.5 virtual seconds, as the reference
// runner's CPython prints it.  Output goes through sys.stderr (or the stream
// given), never stdout unless asked.  The natives below give what CPython's
// logging reads from frames: the caller's line and function, and the
// exception being handled for logger.exception().
#include "core/py/runtime.h"
#include "core/py/stdlib_modules.h"

namespace py {

namespace {

// Every frame from the innermost outwards, across the nested runs that
// natives start (a call with **kwargs from Python code may be one).
template <class F>
const Frame* findFrame(VM& vm, F&& wanted) {
  for (const Frame* f = vm.currentFrame; f; f = f->parent)
    if (wanted(f)) return f;
  for (auto it = vm.runningLeaves.rbegin(); it != vm.runningLeaves.rend(); ++it)
    for (const Frame* f = *it; f; f = f->parent)
      if (wanted(f)) return f;
  return nullptr;
}

bool inLoggingModule(VM& vm, const Frame* f) {
  if (!f->globals) return false;
  std::int64_t i = f->globals->table.find(vm, Value::object(vm.s_name));
  if (i < 0) return false;
  Value n = f->globals->table.entries()[static_cast<std::size_t>(i)].value;
  return isKind(n, Kind::Str) && as<StrObj>(n)->s == "logging";
}

// _caller(): (filename, lineno, funcName) of the code that called into logging.
Value caller(VM& vm, NativeObj* self, CallArgs& a) {
  (void)self;
  (void)a;
  if (const Frame* f = findFrame(vm, [&](const Frame* f) { return !inLoggingModule(vm, f); }))
    return vm.newTuple({vm.newStr(vm.fileName), vm.newInt(f->line()), vm.newStr(f->code->name)});
  return vm.newTuple({vm.newStr("(unknown file)"), vm.newInt(0), vm.newStr("(unknown function)")});
}

// _exc_value(exc_info): the exception that exc_info= names (True: the one
// being handled, as sys.exc_info() finds it), or None.
Value excValue(VM& vm, NativeObj* self, CallArgs& a) {
  (void)self;
  if (a.n < 1) return Value::none();
  Value v = a.args[0];
  if (isKind(v, Kind::Exception)) return v;
  if (isKind(v, Kind::Tuple) && as<TupleObj>(v)->items.size() == 3) return as<TupleObj>(v)->items[1];
  if (const Frame* f = findFrame(vm, [](const Frame* f) { return !f->handledExc.isNone(); }))
    return f->handledExc;
  return Value::none();
}

// _exc_text(exc): the traceback CPython prints for exc, without the last newline.
Value excText(VM& vm, NativeObj* self, CallArgs& a) {
  (void)self;
  if (a.n < 1 || a.args[0].isNone()) return vm.newStr("NoneType: None");
  std::string tb = vm.formatTraceback(a.args[0]);
  if (!tb.empty() && tb.back() == '\n') tb.pop_back();
  return vm.newStr(tb);
}

const char* const kLoggingSource = R"PY(
import sys
import time

CRITICAL = 50
FATAL = 50
ERROR = 40
WARNING = 30
WARN = 30
INFO = 20
DEBUG = 10
NOTSET = 0

_levelToName = {CRITICAL: "CRITICAL", ERROR: "ERROR", WARNING: "WARNING", INFO: "INFO",
                DEBUG: "DEBUG", NOTSET: "NOTSET"}
_nameToLevel = {"CRITICAL": CRITICAL, "FATAL": FATAL, "ERROR": ERROR, "WARN": WARNING,
                "WARNING": WARNING, "INFO": INFO, "DEBUG": DEBUG, "NOTSET": NOTSET}
_startTime = time.time()
raiseExceptions = True
BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"


def getLevelName(level):
    if level in _levelToName:
        return _levelToName[level]
    if level in _nameToLevel:
        return _nameToLevel[level]
    return "Level %s" % (level,)


def addLevelName(level, levelName):
    _levelToName[level] = levelName
    _nameToLevel[levelName] = level


def getLevelNamesMapping():
    return dict(_nameToLevel)


def _checkLevel(level):
    if isinstance(level, int):
        return level
    if isinstance(level, str):
        if level not in _nameToLevel:
            raise ValueError("Unknown level: %r" % (level,))
        return _nameToLevel[level]
    raise TypeError("Level not an integer or a valid string: %r" % (level,))


def _percent_map(fmt, values):
    # fmt % values for a mapping: the VM's % takes positional arguments only.
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        if ch != "%":
            out.append(ch)
            i += 1
            continue
        if i + 1 < n and fmt[i + 1] == "%":
            out.append("%")
            i += 2
            continue
        if i + 1 < n and fmt[i + 1] == "(":
            close = fmt.find(")", i)
            if close < 0:
                raise ValueError("incomplete format key")
            key = fmt[i + 2:close]
            j = close + 1
            while j < n and fmt[j] in "#0- +123456789.":
                j += 1
            if j >= n:
                raise ValueError("incomplete format")
            spec = "%" + fmt[close + 1:j + 1]
            out.append(spec % (values[key],))
            i = j + 1
            continue
        raise TypeError("format requires a mapping")
    return "".join(out)


class LogRecord:
    def __init__(self, name, level, pathname, lineno, msg, args, exc_info, func=None, sinfo=None):
        ct = time.time()
        self.name = name
        self.msg = msg
        if args and len(args) == 1 and isinstance(args[0], dict) and args[0]:
            args = args[0]
        self.args = args
        self.levelname = getLevelName(level)
        self.levelno = level
        self.pathname = pathname
        self.filename = pathname[pathname.rfind("/") + 1:]
        self.module = self.filename[:-3] if self.filename.endswith(".py") else self.filename
        self.exc_info = exc_info
        self.exc_text = None
        self.stack_info = sinfo
        self.lineno = lineno
        self.funcName = func
        self.created = ct
        self.msecs = int((ct - int(ct)) * 1000) + 0.0
        self.relativeCreated = (ct - _startTime) * 1000
        self.thread = 1
        self.threadName = "MainThread"
        self.processName = "MainProcess"
        self.process = 1
        self.message = None
        self.asctime = None

    def getMessage(self):
        msg = str(self.msg)
        if self.args:
            if isinstance(self.args, dict):
                msg = _percent_map(msg, self.args)
            else:
                msg = msg % self.args
        return msg

    def _values(self):
        return {"name": self.name, "msg": self.msg, "args": self.args, "levelname": self.levelname,
                "levelno": self.levelno, "pathname": self.pathname, "filename": self.filename,
                "module": self.module, "exc_info": self.exc_info, "exc_text": self.exc_text,
                "stack_info": self.stack_info, "lineno": self.lineno, "funcName": self.funcName,
                "created": self.created, "msecs": self.msecs, "relativeCreated": self.relativeCreated,
                "thread": self.thread, "threadName": self.threadName, "processName": self.processName,
                "process": self.process, "message": self.message, "asctime": self.asctime}

    def __repr__(self):
        return '<LogRecord: %s, %s, %s, %s, "%s">' % (self.name, self.levelno, self.pathname, self.lineno, self.msg)


class Formatter:
    default_time_format = "%Y-%m-%d %H:%M:%S"
    default_msec_format = "%s,%03d"

    def __init__(self, fmt=None, datefmt=None, style="%", validate=True, *, defaults=None):
        if style not in ("%", "{"):
            raise ValueError("Style must be one of: %, {")
        if fmt is None:
            fmt = "%(message)s" if style == "%" else "{message}"
        self._fmt = fmt
        self._style = style
        self.datefmt = datefmt

    def usesTime(self):
        if self._style == "%":
            return "%(asctime)" in self._fmt
        return "{asctime" in self._fmt

    def formatTime(self, record, datefmt=None):
        ct = time.localtime(record.created)
        if datefmt:
            return time.strftime(datefmt, ct)
        s = time.strftime(self.default_time_format, ct)
        return self.default_msec_format % (s, record.msecs)

    def formatException(self, ei):
        return _exc_text(ei)

    def formatMessage(self, record):
        if self._style == "%":
            return _percent_map(self._fmt, record._values())
        return self._fmt.format(**record._values())

    def format(self, record):
        record.message = record.getMessage()
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)
        s = self.formatMessage(record)
        if record.exc_info:
            if not record.exc_text:
                record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            if s[-1:] != "\n":
                s = s + "\n"
            s = s + record.exc_text
        return s


_defaultFormatter = Formatter()


class Filterer:
    def __init__(self):
        self.filters = []

    def addFilter(self, f):
        if f not in self.filters:
            self.filters.append(f)

    def removeFilter(self, f):
        if f in self.filters:
            self.filters.remove(f)

    def filter(self, record):
        for f in self.filters:
            if hasattr(f, "filter"):
                ok = f.filter(record)
            else:
                ok = f(record)
            if not ok:
                return False
        return True


class Handler(Filterer):
    def __init__(self, level=NOTSET):
        Filterer.__init__(self)
        self.level = _checkLevel(level)
        self.formatter = None
        self.name = None

    def setLevel(self, level):
        self.level = _checkLevel(level)

    def setFormatter(self, fmt):
        self.formatter = fmt

    def format(self, record):
        fmt = self.formatter if self.formatter else _defaultFormatter
        return fmt.format(record)

    def handle(self, record):
        if self.filter(record):
            self.emit(record)
            return True
        return False

    def emit(self, record):
        raise NotImplementedError("emit must be implemented by Handler subclasses")

    def flush(self):
        pass

    def close(self):
        pass

    def __repr__(self):
        return "<%s (%s)>" % (type(self).__name__, getLevelName(self.level))


class StreamHandler(Handler):
    terminator = "\n"

    def __init__(self, stream=None):
        Handler.__init__(self)
        if stream is None:
            stream = sys.stderr
        self.stream = stream

    def flush(self):
        if hasattr(self.stream, "flush"):
            self.stream.flush()

    def emit(self, record):
        msg = self.format(record)
        self.stream.write(msg + self.terminator)
        self.flush()

    def setStream(self, stream):
        old = self.stream
        self.stream = stream
        return old

    def __repr__(self):
        name = "<stderr>" if self.stream is sys.stderr else "<stdout>" if self.stream is sys.stdout else repr(self.stream)
        return "<%s %s (%s)>" % (type(self).__name__, name, getLevelName(self.level))


class FileHandler(StreamHandler):
    def __init__(self, filename, mode="a", encoding=None, delay=False, errors=None):
        raise NotImplementedError("logging.FileHandler: the simulator has no files")


class NullHandler(Handler):
    def handle(self, record):
        pass

    def emit(self, record):
        pass


class _StderrHandler(StreamHandler):
    # The last resort: writes to whatever sys.stderr is when it emits.
    def __init__(self, level=NOTSET):
        Handler.__init__(self, level)
        self.stream = None

    def emit(self, record):
        self.stream = sys.stderr
        StreamHandler.emit(self, record)


lastResort = _StderrHandler(WARNING)
_disable = 0


class Logger(Filterer):
    def __init__(self, name, level=NOTSET):
        Filterer.__init__(self)
        self.name = name
        self.level = _checkLevel(level)
        self.parent = None
        self.propagate = True
        self.handlers = []
        self.disabled = False

    def setLevel(self, level):
        self.level = _checkLevel(level)

    def getEffectiveLevel(self):
        logger = self
        while logger:
            if logger.level:
                return logger.level
            logger = logger.parent
        return NOTSET

    def isEnabledFor(self, level):
        if self.disabled or _disable >= level:
            return False
        return level >= self.getEffectiveLevel()

    def debug(self, msg, *args, **kwargs):
        if self.isEnabledFor(DEBUG):
            self._log(DEBUG, msg, args, **kwargs)

    def info(self, msg, *args, **kwargs):
        if self.isEnabledFor(INFO):
            self._log(INFO, msg, args, **kwargs)

    def warning(self, msg, *args, **kwargs):
        if self.isEnabledFor(WARNING):
            self._log(WARNING, msg, args, **kwargs)

    def warn(self, msg, *args, **kwargs):
        self.warning(msg, *args, **kwargs)

    def error(self, msg, *args, **kwargs):
        if self.isEnabledFor(ERROR):
            self._log(ERROR, msg, args, **kwargs)

    def exception(self, msg, *args, exc_info=True, **kwargs):
        self.error(msg, *args, exc_info=exc_info, **kwargs)

    def critical(self, msg, *args, **kwargs):
        if self.isEnabledFor(CRITICAL):
            self._log(CRITICAL, msg, args, **kwargs)

    def fatal(self, msg, *args, **kwargs):
        self.critical(msg, *args, **kwargs)

    def log(self, level, msg, *args, **kwargs):
        if not isinstance(level, int):
            raise TypeError("level must be an integer")
        if self.isEnabledFor(level):
            self._log(level, msg, args, **kwargs)

    def _log(self, level, msg, args, exc_info=None, extra=None, stack_info=False, stacklevel=1):
        fn, lno, func = _caller()
        if exc_info is not None and exc_info is not False:
            exc_info = _exc_value(exc_info)
        else:
            exc_info = None
        record = LogRecord(self.name, level, fn, lno, msg, args, exc_info, func)
        if extra is not None:
            for key in extra:
                setattr(record, key, extra[key])
        self.handle(record)

    def handle(self, record):
        if not self.disabled and self.filter(record):
            self.callHandlers(record)

    def addHandler(self, hdlr):
        if hdlr not in self.handlers:
            self.handlers.append(hdlr)

    def removeHandler(self, hdlr):
        if hdlr in self.handlers:
            self.handlers.remove(hdlr)

    def hasHandlers(self):
        c = self
        while c:
            if c.handlers:
                return True
            if not c.propagate:
                return False
            c = c.parent
        return False

    def callHandlers(self, record):
        c = self
        found = 0
        while c:
            for hdlr in c.handlers:
                found = found + 1
                if record.levelno >= hdlr.level:
                    hdlr.handle(record)
            if not c.propagate:
                c = None
            else:
                c = c.parent
        if found == 0 and record.levelno >= lastResort.level:
            lastResort.handle(record)

    def getChild(self, suffix):
        if self is root:
            return getLogger(suffix)
        return getLogger(self.name + "." + suffix)

    def __repr__(self):
        return "<%s %s (%s)>" % (type(self).__name__, self.name, getLevelName(self.getEffectiveLevel()))


class RootLogger(Logger):
    def __init__(self, level):
        Logger.__init__(self, "root", level)


root = RootLogger(WARNING)
_loggers = {}


def getLogger(name=None):
    if not name or name == root.name:
        return root
    if not isinstance(name, str):
        raise TypeError("A logger name must be a string")
    if name in _loggers:
        return _loggers[name]
    logger = Logger(name)
    parent = root
    parts = name.split(".")
    for i in range(len(parts) - 1, 0, -1):
        prefix = ".".join(parts[:i])
        if prefix in _loggers:
            parent = _loggers[prefix]
            break
    logger.parent = parent
    for other in _loggers.values():
        # A new logger between an existing one and its parent becomes its parent.
        if other.name.startswith(name + ".") and (
                other.parent is root or name.startswith(other.parent.name + ".")):
            other.parent = logger
    _loggers[name] = logger
    return logger


def getLoggerClass():
    return Logger


def basicConfig(**kwargs):
    force = kwargs.pop("force", False)
    if force:
        for h in list(root.handlers):
            root.removeHandler(h)
    if len(root.handlers) == 0:
        handlers = kwargs.pop("handlers", None)
        if "stream" in kwargs and "filename" in kwargs:
            raise ValueError("'stream' and 'filename' should not be specified together")
        if handlers is not None and ("stream" in kwargs or "filename" in kwargs):
            raise ValueError("'stream' or 'filename' should not be specified together with 'handlers'")
        if handlers is None:
            if "filename" in kwargs:
                raise NotImplementedError("logging.basicConfig(filename=...): the simulator has no files")
            handlers = [StreamHandler(kwargs.pop("stream", None))]
        kwargs.pop("filemode", None)
        kwargs.pop("encoding", None)
        kwargs.pop("errors", None)
        dfs = kwargs.pop("datefmt", None)
        style = kwargs.pop("style", "%")
        if style not in ("%", "{"):
            raise ValueError("Style must be one of: %, {")
        fs = kwargs.pop("format", BASIC_FORMAT if style == "%" else "{levelname}:{name}:{message}")
        fmt = Formatter(fs, dfs, style)
        for h in handlers:
            if h.formatter is None:
                h.setFormatter(fmt)
            root.addHandler(h)
        level = kwargs.pop("level", None)
        if level is not None:
            root.setLevel(level)
        if kwargs:
            raise ValueError("Unrecognised argument(s): %s" % ", ".join(kwargs.keys()))


def debug(msg, *args, **kwargs):
    if len(root.handlers) == 0:
        basicConfig()
    root.debug(msg, *args, **kwargs)


def info(msg, *args, **kwargs):
    if len(root.handlers) == 0:
        basicConfig()
    root.info(msg, *args, **kwargs)


def warning(msg, *args, **kwargs):
    if len(root.handlers) == 0:
        basicConfig()
    root.warning(msg, *args, **kwargs)


def warn(msg, *args, **kwargs):
    warning(msg, *args, **kwargs)


def error(msg, *args, **kwargs):
    if len(root.handlers) == 0:
        basicConfig()
    root.error(msg, *args, **kwargs)


def exception(msg, *args, exc_info=True, **kwargs):
    error(msg, *args, exc_info=exc_info, **kwargs)


def critical(msg, *args, **kwargs):
    if len(root.handlers) == 0:
        basicConfig()
    root.critical(msg, *args, **kwargs)


def fatal(msg, *args, **kwargs):
    critical(msg, *args, **kwargs)


def log(level, msg, *args, **kwargs):
    if len(root.handlers) == 0:
        basicConfig()
    root.log(level, msg, *args, **kwargs)


def disable(level=CRITICAL):
    global _disable
    _disable = _checkLevel(level)


def shutdown():
    pass


def captureWarnings(capture):
    pass
)PY";

}  // namespace

Value installLogging(VM& vm, DictObj* d) {
  moduleFn(vm, d, "_caller", caller);
  moduleFn(vm, d, "_exc_value", excValue);
  moduleFn(vm, d, "_exc_text", excText);
  return execStdlibSource(vm, "logging", kLoggingSource, d);
}

}  // namespace py
