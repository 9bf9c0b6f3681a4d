// stdlib_enum.cpp: the `enum` module (Enum, IntEnum, StrEnum, ReprEnum,
// auto, unique, EnumType) as Python source compiled by this VM.
//
// CPython builds enums with a metaclass, and the VM has none a program can
// write. So the VM knows exactly one thing about metaclasses: a class whose
// base has a metaclass gets it too (attributes.cpp), the metaclass's
// __init__ runs on the finished class, and calling, iterating, measuring,
// subscripting, testing `in`, repr and attribute assignment on the class
// go to the metaclass's dunders. EnumType then does in Python what
// CPython's does: turns the class body's plain values into members.
//
// IntEnum and StrEnum cannot subclass int and str here (the VM cannot
// subclass builtin types): their members hold the value and forward
// comparisons, hashing, arithmetic, formatting and methods to it, so
// `isinstance(Color.RED, int)` is False where CPython says True.
// Flag and IntFlag raise NotImplementedError when subclassed, as do an enum
// mixing in a builtin type (`class Num(int, Enum)`) and the functional API
// (`Enum('Color', 'RED GREEN')`).
#include "core/py/runtime.h"
#include "core/py/stdlib_modules.h"

namespace py {

namespace {

// _set_metaclass(cls, meta): makes `meta` the class of `cls` (Enum's EnumType);
// subclasses of `cls` inherit it in VM::buildClass.
Value setMetaclass(VM& vm, NativeObj*, CallArgs& a) {
  // Only classes made by class statements: a builtin type's layout is fixed.
  if (a.n != 2 || !isKind(a.args[0], Kind::Type) || !isKind(a.args[1], Kind::Type) ||
      !as<TypeObj>(a.args[0])->isUser || !as<TypeObj>(a.args[1])->isUser)
    return vm.raise(vm.t.TypeError, "_set_metaclass(cls, meta)");
  auto* cls = as<TypeObj>(a.args[0]);
  cls->cls = as<TypeObj>(a.args[1]);
  cls->instanceKind = Kind::Other;  // instances come from the metaclass's __call__
  return Value::none();
}

// _new_member(cls): a bare instance of an enum class, without __init__
// (CPython's object.__new__(cls) inside EnumType).
Value newMember(VM& vm, NativeObj*, CallArgs& a) {
  // Only an enum class (a user class with a metaclass), whose instances are plain.
  if (a.n != 1 || !isKind(a.args[0], Kind::Type) || !as<TypeObj>(a.args[0])->isUser ||
      !as<TypeObj>(a.args[0])->cls->isUser)
    return vm.raise(vm.t.TypeError, "_new_member(cls)");
  return Value::object(vm.make<InstanceObj>(as<TypeObj>(a.args[0]), vm.newDict()));
}

// _is_descriptor(obj): CPython's test (has __get__, __set__ or __delete__),
// which decides that a function or property in an enum body is no member.
Value isDescriptor(VM& vm, NativeObj*, CallArgs& a) {
  if (a.n != 1) return vm.raise(vm.t.TypeError, "_is_descriptor(obj)");
  Value v = a.args[0];
  if (!v.isObject()) return Value::boolean(false);
  switch (asPy(v)->kind) {
    case Kind::Function:
    case Kind::Property:
    case Kind::StaticMethod:
    case Kind::ClassMethod:
      return Value::boolean(true);
    default:
      break;
  }
  TypeObj* ty = vm.typeOf(v);
  for (const char* name : {"__get__", "__set__", "__delete__"})
    if (ty->isUser && vm.lookupType(ty, vm.intern(name)) != kNull) return Value::boolean(true);
  return Value::boolean(false);
}

const char* const kSource = R"PY(
class _auto_null:
    def __repr__(self):
        return '_auto_null'


_auto_null = _auto_null()


class auto:
    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value,)


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1:2] != '_' and name[-2:-1] != '_'


def _is_private(cls_name, name):
    pattern = '_%s__' % (cls_name,)
    n = len(pattern)
    return len(name) > n and name.startswith(pattern) and (name[-1] != '_' or name[-2] != '_')


def _make_value(cls, value):
    # The member's _value_: the value as written, or made by the mixed-in
    # type (int('3') is 3 in an IntEnum; a StrEnum value must be a str).
    member_type = cls._member_type_
    if member_type is object:
        return value
    args = value if isinstance(value, tuple) else (value,)
    if member_type is str:
        if len(args) > 3:
            raise TypeError('too many arguments for str(): %r' % (args,))
        if len(args) == 1 and not isinstance(args[0], str):
            raise TypeError('%r is not a string' % (args[0],))
        if len(args) >= 2 and not isinstance(args[1], str):
            raise TypeError('encoding must be a string, not %r' % (args[1],))
        if len(args) == 3 and not isinstance(args[2], str):
            raise TypeError('errors must be a string, not %r' % (args[2]))
    return member_type(*args)


class EnumType(type):
    def __init__(cls, name, bases, ns):
        for base in cls.__mro__[1:]:
            if base.__module__ == 'builtins' and base is not object:
                # Members here are plain instances; they cannot be ints or strs.
                raise NotImplementedError("an enum mixing in the builtin type '" + base.__name__ +
                                          "' is not supported (IntEnum and StrEnum are)")
            if isinstance(base, EnumType):
                if base._member_names_:
                    raise TypeError("%r cannot extend %r" % (cls, base))
                if base.__dict__.get('_unsupported_') is not None and '_unsupported_' not in ns:
                    raise NotImplementedError(base._unsupported_ + " is not supported")
        object.__setattr__(cls, '_member_names_', [])
        object.__setattr__(cls, '_member_map_', {})
        object.__setattr__(cls, '_value2member_map_', {})
        generate = cls._generate_next_value_
        names = []
        values = []
        for key, value in list(ns.items()):
            if _is_dunder(key) or _is_sunder(key) or _is_private(name, key) or _is_descriptor(value):
                continue
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = generate(key, 1, len(names), values[:])
                value = value.value
            names.append(key)
            values.append(value)
        for key, value in zip(names, values):
            value = _make_value(cls, value)
            canonical = None
            for other in cls._member_map_.values():
                if other._value_ == value:
                    canonical = other
                    break
            if canonical is not None:
                # The same value again: an alias of the first member.
                cls._member_map_[key] = canonical
                object.__setattr__(cls, key, canonical)
                continue
            member = _new_member(cls)
            member._name_ = key
            member._value_ = value
            args = value if isinstance(value, tuple) else (value,)
            member.__init__(*args)
            cls._member_names_.append(key)
            cls._member_map_[key] = member
            try:
                cls._value2member_map_[value] = member
            except TypeError:
                pass
            object.__setattr__(cls, key, member)

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):
        if names is not None:
            raise NotImplementedError("the functional API of enum (" + cls.__name__ +
                                      "('Name', ...)) is not supported")
        return cls._lookup_(value)

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'" % (
                type(member).__qualname__, 'EnumType'))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __getattr__(cls, name):
        raise AttributeError(name)

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError('cannot reassign member %r' % (name,))
        object.__setattr__(cls, name, value)

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, attr))
        object.__delattr__(cls, attr)

    def __repr__(cls):
        return "<enum %r>" % (cls.__name__,)

    @property
    def __members__(cls):
        return mappingproxy(cls._member_map_)


EnumMeta = EnumType


class Enum:
    _member_type_ = object

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        last = last_values[-1]
        try:
            return last + 1
        except TypeError:
            for v in last_values:
                try:
                    return v + 1
                except TypeError:
                    pass
            return start

    @classmethod
    def _lookup_(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for member in cls._member_map_.values():
                if member._value_ == value:
                    return member
        exc = None
        try:
            result = cls._missing_(value)
        except Exception as e:
            exc = e
            result = None
        if isinstance(result, cls):
            return result
        ve_exc = ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        if result is None and exc is None:
            raise ve_exc
        if exc is None:
            exc = TypeError('error in %s._missing_: returned %r instead of None or a valid member'
                            % (cls.__name__, result))
        if not isinstance(exc, ValueError):
            exc.__context__ = ve_exc
        raise exc

    @classmethod
    def _missing_(cls, value):
        return None

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return "<%s.%s: %r>" % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)


# From here on, subclasses of Enum inherit EnumType, whose __init__ makes their members.
_set_metaclass(Enum, EnumType)
object.__setattr__(Enum, '_member_names_', [])
object.__setattr__(Enum, '_member_map_', {})
object.__setattr__(Enum, '_value2member_map_', {})


class ReprEnum(Enum):
    # str() and format() are the value's, as the mixed-in type's would be.
    def __str__(self):
        return str(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)

    def __hash__(self):
        return hash(self._value_)

    def __getattr__(self, name):
        # The mixed-in type's methods: Color.RED.bit_length(), Color.RED.upper().
        if name[:1] != '_':
            try:
                return getattr(self._value_, name)
            except AttributeError:
                pass
        raise AttributeError("%r object has no attribute %r" % (type(self).__name__, name))


def _plain(x):
    return x._value_ if isinstance(x, ReprEnum) else x


class _ValueForwarding(ReprEnum):
    # Comparisons and operators on the value, as int's and str's own are.
    def __eq__(self, other):
        if isinstance(other, Enum) and not isinstance(other, ReprEnum):
            return NotImplemented
        return self._value_ == _plain(other)

    def __ne__(self, other):
        if isinstance(other, Enum) and not isinstance(other, ReprEnum):
            return NotImplemented
        return self._value_ != _plain(other)

    def __lt__(self, other):
        return self._value_ < _plain(other)

    def __le__(self, other):
        return self._value_ <= _plain(other)

    def __gt__(self, other):
        return self._value_ > _plain(other)

    def __ge__(self, other):
        return self._value_ >= _plain(other)

    def __hash__(self):
        return hash(self._value_)

    def __bool__(self):
        return bool(self._value_)

    def __add__(self, other):
        return self._value_ + _plain(other)

    def __radd__(self, other):
        return _plain(other) + self._value_

    def __mul__(self, other):
        return self._value_ * _plain(other)

    def __rmul__(self, other):
        return _plain(other) * self._value_

    def __mod__(self, other):
        return self._value_ % _plain(other)

    def __rmod__(self, other):
        return _plain(other) % self._value_

    def __len__(self):
        return len(self._value_)

    def __iter__(self):
        return iter(self._value_)

    def __contains__(self, item):
        return _plain(item) in self._value_

    def __getitem__(self, key):
        return self._value_[key]


class IntEnum(_ValueForwarding):
    _member_type_ = int

    def __sub__(self, other):
        return self._value_ - _plain(other)

    def __rsub__(self, other):
        return _plain(other) - self._value_

    def __truediv__(self, other):
        return self._value_ / _plain(other)

    def __rtruediv__(self, other):
        return _plain(other) / self._value_

    def __floordiv__(self, other):
        return self._value_ // _plain(other)

    def __rfloordiv__(self, other):
        return _plain(other) // self._value_

    def __pow__(self, other):
        return self._value_ ** _plain(other)

    def __rpow__(self, other):
        return _plain(other) ** self._value_

    def __and__(self, other):
        return self._value_ & _plain(other)

    def __rand__(self, other):
        return _plain(other) & self._value_

    def __or__(self, other):
        return self._value_ | _plain(other)

    def __ror__(self, other):
        return _plain(other) | self._value_

    def __xor__(self, other):
        return self._value_ ^ _plain(other)

    def __rxor__(self, other):
        return _plain(other) ^ self._value_

    def __lshift__(self, other):
        return self._value_ << _plain(other)

    def __rshift__(self, other):
        return self._value_ >> _plain(other)

    def __neg__(self):
        return -self._value_

    def __pos__(self):
        return self._value_

    def __abs__(self):
        return abs(self._value_)

    def __invert__(self):
        return ~self._value_

    def __divmod__(self, other):
        return divmod(self._value_, _plain(other))

    def __rdivmod__(self, other):
        return divmod(_plain(other), self._value_)

    def __round__(self, ndigits=None):
        return self._value_ if ndigits is None else round(self._value_, ndigits)

    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_

    def __float__(self):
        return float(self._value_)


class StrEnum(_ValueForwarding):
    _member_type_ = str

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class Flag(Enum):
    _unsupported_ = "enum.Flag"


class IntFlag(Flag):
    _unsupported_ = "enum.IntFlag"


def unique(enumeration):
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration
)PY";

}  // namespace

Value installEnum(VM& vm, DictObj* d) {
  moduleFn(vm, d, "_set_metaclass", setMetaclass);
  moduleFn(vm, d, "_new_member", newMember);
  moduleFn(vm, d, "_is_descriptor", isDescriptor);
  if (execMappingProxySource(vm, "enum", d) == kError) return kError;
  return execStdlibSource(vm, "enum", kSource, d);
}

}  // namespace py
