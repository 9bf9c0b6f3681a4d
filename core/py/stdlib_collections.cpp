// stdlib_collections.cpp: the `collections` module (deque, defaultdict,
// Counter, OrderedDict, namedtuple) as Python source compiled by this VM.
//
// deque keeps a list (tutorial-sized queues, so popleft's O(n) is not felt);
// defaultdict, Counter and OrderedDict hold a dict and speak the mapping
// protocol (the VM cannot subclass dict), so isinstance(c, dict) is False.
// namedtuple makes a class over a shared base that holds a tuple and
// compares equal to tuples; unlike CPython it is not a tuple subclass
// (builtins.cpp's isinstance/issubclass still answer True for tuple), and
// its fields are plain attributes that assignment can change, which
// tutorials do not rely on.
#include "core/py/runtime.h"
#include "core/py/stdlib_modules.h"

namespace py {

namespace {

// _rename_class(cls, name, module): gives the class namedtuple made its
// type name, and the module it reports (the program's, as CPython finds it
// from the caller's frame, unless module= was given).
Value renameClass(VM& vm, NativeObj* self, CallArgs& a) {
  (void)self;
  if (a.n != 3 || !isKind(a.args[0], Kind::Type) || !isKind(a.args[1], Kind::Str))
    return vm.raise(vm.t.TypeError, "_rename_class(cls, name, module)");
  auto* t = as<TypeObj>(a.args[0]);
  t->name = as<StrObj>(a.args[1])->s;
  // Its __qualname__ too: the class statement inside namedtuple() made it
  // "namedtuple.<locals>._NT", and reprs show the qualified name.
  if (t->dict && !t->dict->table.set(vm, Value::object(vm.intern("__qualname__")), a.args[1])) return kError;
  t->module = isKind(a.args[2], Kind::Str) ? as<StrObj>(a.args[2])->s : "__main__";
  return a.args[0];
}

const char* const kCollectionsSource = R"PY(
class deque:
    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._maxlen = maxlen
        self._items = []
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def _trim_left(self):
        if self._maxlen is not None:
            while len(self._items) > self._maxlen:
                self._items.pop(0)

    def _trim_right(self):
        if self._maxlen is not None:
            while len(self._items) > self._maxlen:
                self._items.pop()

    def append(self, x):
        self._items.append(x)
        self._trim_left()

    def appendleft(self, x):
        self._items.insert(0, x)
        self._trim_right()

    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop(0)

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def rotate(self, n=1):
        k = len(self._items)
        if k == 0:
            return
        n = n % k
        if n:
            self._items[:] = self._items[-n:] + self._items[:-n]

    def clear(self):
        self._items.clear()

    def copy(self):
        return deque(self._items, self._maxlen)

    def count(self, x):
        return self._items.count(x)

    def index(self, x, start=0, stop=None):
        if stop is None:
            stop = len(self._items)
        for i in range(start, min(stop, len(self._items))):
            if self._items[i] == x:
                return i
        raise ValueError(repr(x) + " is not in deque")

    def insert(self, i, x):
        if self._maxlen is not None and len(self._items) >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        self._items.insert(i, x)

    def remove(self, x):
        for i in range(len(self._items)):
            if self._items[i] == x:
                del self._items[i]
                return
        raise ValueError(repr(x) + " is not in deque")

    def reverse(self):
        self._items.reverse()

    def _index(self, i):
        if not isinstance(i, int):
            raise TypeError("sequence index must be integer, not '" + type(i).__name__ + "'")
        if i < 0:
            i += len(self._items)
        if i < 0 or i >= len(self._items):
            raise IndexError("deque index out of range")
        return i

    def __getitem__(self, i):
        return self._items[self._index(i)]

    def __setitem__(self, i, x):
        self._items[self._index(i)] = x

    def __delitem__(self, i):
        del self._items[self._index(i)]

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return len(self._items) > 0

    def __iter__(self):
        return iter(list(self._items))

    def __reversed__(self):
        return reversed(list(self._items))

    def __contains__(self, x):
        return x in self._items

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items == other._items

    def __ne__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items != other._items

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "' + type(other).__name__ + '") to deque')
        return deque(self._items + other._items, self._maxlen)

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __copy__(self):
        return self.copy()

    def __repr__(self):
        if self._maxlen is None:
            return "deque(" + repr(self._items) + ")"
        return "deque(" + repr(self._items) + ", maxlen=" + str(self._maxlen) + ")"


class _DictLike:
    # The dict-backed base of defaultdict, Counter and OrderedDict: the VM
    # cannot subclass dict, so they hold one and speak the mapping protocol.
    def __init__(self, *args, **kwargs):
        self._d = {}
        if args or kwargs:
            self.update(*args, **kwargs)

    def __getitem__(self, key):
        if key in self._d:
            return self._d[key]
        return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def __setitem__(self, key, value):
        self._d[key] = value

    def __delitem__(self, key):
        del self._d[key]

    def __contains__(self, key):
        return key in self._d

    def __len__(self):
        return len(self._d)

    def __bool__(self):
        return len(self._d) > 0

    def __iter__(self):
        return iter(self._d)

    def __eq__(self, other):
        if isinstance(other, _DictLike):
            return self._d == other._d
        return self._d == other

    def __ne__(self, other):
        return not self.__eq__(other)

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, key, default=None):
        return self._d.get(key, default)

    def pop(self, key, *default):
        return self._d.pop(key, *default)

    def popitem(self):
        return self._d.popitem()

    def setdefault(self, key, default=None):
        return self._d.setdefault(key, default)

    def clear(self):
        self._d.clear()

    def update(self, *args, **kwargs):
        for a in args:
            if isinstance(a, _DictLike):
                a = a._d
            self._d.update(a)
        if kwargs:
            self._d.update(kwargs)

    def _dict_repr(self):
        return repr(self._d)


class defaultdict(_DictLike):
    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        _DictLike.__init__(self, *args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._d[key] = value
        return value

    def copy(self):
        return defaultdict(self.default_factory, self._d)

    def __repr__(self):
        if self.default_factory is None:
            f = "None"
        else:
            f = repr(self.default_factory)
        return "defaultdict(" + f + ", " + repr(self._d) + ")"


class Counter(_DictLike):
    def __init__(self, iterable=None, **kwds):
        _DictLike.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self._d.values())

    def most_common(self, n=None):
        items = sorted(self._d.items(), key=lambda kv: kv[1], reverse=True)
        if n is None:
            return items
        return items[:max(n, 0)]

    def elements(self):
        out = []
        for k, v in self._d.items():
            for _ in range(v):
                out.append(k)
        return iter(out)

    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, _DictLike):
                iterable = iterable._d
            if isinstance(iterable, dict):
                for k, v in iterable.items():
                    self._d[k] = self._d.get(k, 0) + v
            else:
                for x in iterable:
                    self._d[x] = self._d.get(x, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, _DictLike):
                iterable = iterable._d
            if isinstance(iterable, dict):
                for k, v in iterable.items():
                    self._d[k] = self._d.get(k, 0) - v
            else:
                for k in iterable:
                    self._d[k] = self._d.get(k, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return Counter(self._d)

    def __delitem__(self, key):
        if key in self._d:
            del self._d[key]

    def __repr__(self):
        if not self._d:
            return "Counter()"
        return "Counter({" + ", ".join([repr(k) + ": " + repr(v) for k, v in self.most_common()]) + "})"

    def _combine(self, other, pick):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for k, v in self._d.items():
            n = pick(v, other[k])
            if n > 0:
                result[k] = n
        for k, v in other._d.items():
            if k not in self._d:
                n = pick(0, v)
                if n > 0:
                    result[k] = n
        return result

    def __add__(self, other):
        return self._combine(other, lambda a, b: a + b)

    def __sub__(self, other):
        return self._combine(other, lambda a, b: a - b)

    def __or__(self, other):
        return self._combine(other, lambda a, b: b if a < b else a)

    def __and__(self, other):
        return self._combine(other, lambda a, b: a if a < b else b)

    def __pos__(self):
        return self._combine(Counter(), lambda a, b: a + b)

    def __neg__(self):
        return Counter()._combine(self, lambda a, b: a - b)


class OrderedDict(_DictLike):
    def __repr__(self):
        if not self._d:
            return "OrderedDict()"
        return "OrderedDict(" + repr(list(self._d.items())) + ")"

    def move_to_end(self, key, last=True):
        value = self._d.pop(key)
        if last:
            self._d[key] = value
        else:
            rest = list(self._d.items())
            self._d.clear()
            self._d[key] = value
            for k, v in rest:
                self._d[k] = v

    def popitem(self, last=True):
        if not self._d:
            raise KeyError("dictionary is empty")
        if last:
            key = list(self._d.keys())[-1]
        else:
            key = list(self._d.keys())[0]
        return key, self._d.pop(key)

    def copy(self):
        return OrderedDict(self._d)


def _plural(n, word):
    return word if n == 1 else word + "s"


def _names_list(names):
    quoted = ["'" + n + "'" for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return quoted[0] + " and " + quoted[1]
    return ", ".join(quoted[:-1]) + ", and " + quoted[-1]


class _NamedTupleBase:
    _fields = ()
    _field_defaults = {}
    _typename = ""

    def __init__(self, *args, **kwargs):
        fields = self._fields
        name = self._typename + ".__new__()"
        if len(args) > len(fields):
            raise TypeError(name + " takes " + str(len(fields) + 1) + " positional " +
                            _plural(len(fields) + 1, "argument") + " but " + str(len(args) + 1) +
                            " were given")
        values = list(args)
        for k in kwargs:
            if k not in fields:
                raise TypeError(name + " got an unexpected keyword argument '" + k + "'")
            if fields.index(k) < len(args):
                raise TypeError(name + " got multiple values for argument '" + k + "'")
        missing = []
        for i in range(len(args), len(fields)):
            f = fields[i]
            if f in kwargs:
                values.append(kwargs[f])
            elif f in self._field_defaults:
                values.append(self._field_defaults[f])
            else:
                missing.append(f)
        if missing:
            raise TypeError(name + " missing " + str(len(missing)) + " required positional " +
                            _plural(len(missing), "argument") + ": " + _names_list(missing))
        self._values = tuple(values)
        for i in range(len(fields)):
            setattr(self, fields[i], values[i])

    def __getitem__(self, i):
        return self._values[i]

    def __len__(self):
        return len(self._values)

    def __iter__(self):
        return iter(self._values)

    def __reversed__(self):
        return reversed(self._values)

    def __contains__(self, x):
        return x in self._values

    def __hash__(self):
        return hash(self._values)

    def _as_tuple(self, other):
        if isinstance(other, _NamedTupleBase):
            return other._values
        return other

    def __eq__(self, other):
        return self._values == self._as_tuple(other)

    def __ne__(self, other):
        return self._values != self._as_tuple(other)

    def __lt__(self, other):
        return self._values < self._as_tuple(other)

    def __le__(self, other):
        return self._values <= self._as_tuple(other)

    def __gt__(self, other):
        return self._values > self._as_tuple(other)

    def __ge__(self, other):
        return self._values >= self._as_tuple(other)

    def __add__(self, other):
        return self._values + self._as_tuple(other)

    def count(self, x):
        return self._values.count(x)

    def index(self, x):
        return self._values.index(x)

    def _asdict(self):
        return dict(zip(self._fields, self._values))

    def _replace(self, **kwargs):
        values = list(self._values)
        for k, v in kwargs.items():
            if k not in self._fields:
                raise ValueError("Got unexpected field names: " + repr([k]))
            values[self._fields.index(k)] = v
        return type(self)(*values)

    def __repr__(self):
        parts = []
        for i in range(len(self._fields)):
            parts.append(self._fields[i] + "=" + repr(self._values[i]))
        return self._typename + "(" + ", ".join(parts) + ")"


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    fields = tuple([str(f) for f in field_names])
    seen = []
    for f in fields:
        if f.startswith("_"):
            raise ValueError("Field names cannot start with an underscore: " + repr(f))
        if f in seen:
            raise ValueError("Encountered duplicate field name: " + repr(f))
        seen.append(f)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(fields):
            raise TypeError("Got more default values than field names")
        for i in range(len(defaults)):
            field_defaults[fields[len(fields) - len(defaults) + i]] = defaults[i]

    class _NT(_NamedTupleBase):
        pass

    _NT._fields = fields
    _NT.__match_args__ = fields
    _NT._field_defaults = field_defaults
    _NT._typename = typename
    _NT._make = classmethod(lambda cls, iterable: cls(*iterable))
    return _rename_class(_NT, typename, module)
)PY";

}  // namespace

Value installCollections(VM& vm, DictObj* d) {
  moduleFn(vm, d, "_rename_class", renameClass);
  return execStdlibSource(vm, "collections", kCollectionsSource, d);
}

}  // namespace py
