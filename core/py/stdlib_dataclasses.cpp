// stdlib_dataclasses.cpp: the `dataclasses` module as Python source compiled
// by this VM, with CPython 3.11's observable behaviour: `@dataclass` and
// `@dataclass(...)` (init, repr, eq, order, unsafe_hash, frozen, match_args,
// kw_only), `field(...)`, `KW_ONLY`, `InitVar`, `ClassVar` pseudo-fields,
// `__post_init__`, inheritance of fields, `fields`, `asdict`, `astuple`,
// `replace`, `is_dataclass`, `FrozenInstanceError`, and CPython's error
// messages.
//
// As CPython does, the methods a dataclass gets are generated as source text
// and compiled (here by the native `_exec`), so that `__init__` has the real
// signature and a wrong call fails with CPython's TypeError
// (`Job.__init__() missing 1 required positional argument: 'name'`).
//
// Differences: `slots=True` and `weakref_slot=True` raise
// NotImplementedError; `asdict`/`astuple` copy containers and dataclasses but
// share other values (CPython deep-copies them); the class gets no
// generated `__doc__`; `make_dataclass` is absent; a ClassVar/InitVar
// written as a string annotation is recognised by its leading name only.
#include "core/py/runtime.h"
#include "core/py/stdlib_modules.h"

namespace py {

namespace {

// _exec(source, namespace): runs generated method source in `namespace`.
Value execSource(VM& vm, NativeObj* self, CallArgs& a) {
  (void)self;
  if (a.n != 2 || !isKind(a.args[0], Kind::Str) || !isKind(a.args[1], Kind::Dict))
    return vm.raise(vm.t.TypeError, "_exec(source, namespace)");
  if (execHelperSource(vm, as<StrObj>(a.args[0])->s, "dataclasses", as<DictObj>(a.args[1])) == kError)
    return kError;
  return Value::none();
}

// _compares_by_value(cls): tells the VM that instances of `cls` now have a
// Python __eq__/__hash__ (set after the class was made, which the VM's own
// bookkeeping only looks for in the class body).
Value comparesByValue(VM& vm, NativeObj* self, CallArgs& a) {
  (void)self;
  if (a.n != 1 || !isKind(a.args[0], Kind::Type)) return vm.raise(vm.t.TypeError, "_compares_by_value(cls)");
  as<TypeObj>(a.args[0])->hasUserEq = true;
  return Value::none();
}

const char* const kSource = R"PY(
class FrozenInstanceError(AttributeError):
    pass


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return "<factory>"


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE("_FIELD")
_FIELD_CLASSVAR = _FIELD_BASE("_FIELD_CLASSVAR")
_FIELD_INITVAR = _FIELD_BASE("_FIELD_INITVAR")


_EMPTY_METADATA = mappingproxy({})

# Objects whose repr is being computed: a dataclass that contains itself
# shows "..." there, as CPython's reprlib guard does.
_repr_running = []


def _repr_enter(obj):
    for x in _repr_running:
        if x is obj:
            return True
    _repr_running.append(obj)
    return False


def _repr_leave(obj):
    for i in range(len(_repr_running)):
        if _repr_running[i] is obj:
            del _repr_running[i]
            return


class InitVar:
    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            name = self.type.__name__
        else:
            name = repr(self.type)
        return "dataclasses.InitVar[" + name + "]"

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = _EMPTY_METADATA if metadata is None else mappingproxy(metadata)
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        if _repr_enter(self):
            return "..."
        try:
            return ("Field(name=" + repr(self.name) + ",type=" + repr(self.type) +
                    ",default=" + repr(self.default) + ",default_factory=" + repr(self.default_factory) +
                    ",init=" + repr(self.init) + ",repr=" + repr(self.repr) + ",hash=" + repr(self.hash) +
                    ",compare=" + repr(self.compare) + ",metadata=" + repr(self.metadata) +
                    ",kw_only=" + repr(self.kw_only) + ",_field_type=" + str(self._field_type) + ")")
        finally:
            _repr_leave(self)


class _DataclassParams:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ("_DataclassParams(init=" + repr(self.init) + ",repr=" + repr(self.repr) + ",eq=" +
                repr(self.eq) + ",order=" + repr(self.order) + ",unsafe_hash=" + repr(self.unsafe_hash) +
                ",frozen=" + repr(self.frozen) + ")")


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
          metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _names_typing_form(annotation, form):
    # typing.ClassVar / typing.ClassVar[int], or the string "ClassVar[...]".
    if isinstance(annotation, str):
        text = annotation.strip()
        for prefix in (form, "typing." + form):
            if text == prefix or text.startswith(prefix + "["):
                return True
        return False
    return type(annotation).__name__ == "_Form" and type(annotation).__module__ == "typing" and \
        annotation._name == form


def _is_kw_only_marker(annotation):
    if annotation is KW_ONLY:
        return True
    return isinstance(annotation, str) and annotation.strip() in ("KW_ONLY", "dataclasses.KW_ONLY")


def _is_initvar(annotation):
    if annotation is InitVar or isinstance(annotation, InitVar):
        return True
    return _names_typing_form(annotation, "InitVar") or \
        (isinstance(annotation, str) and annotation.strip().startswith("dataclasses.InitVar"))


def _class_is_unhashable(cls):
    # CPython's test is `cls.__hash__ is None`.
    if cls is list or cls is dict or cls is set:
        return True
    if cls.__module__ == "builtins":
        return False
    for c in cls.__mro__:
        if c.__module__ == "builtins":
            return False
        d = c.__dict__
        if "__hash__" in d:
            return d["__hash__"] is None
        if "__eq__" in d:
            return True
    return False


def _get_field(cls, name, annotation, default_kw_only):
    default = getattr(cls, name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = annotation
    f._field_type = _FIELD
    if _names_typing_form(annotation, "ClassVar"):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(annotation):
        f._field_type = _FIELD_INITVAR
    if f._field_type is not _FIELD and f.default_factory is not MISSING:
        raise TypeError("field " + name + " cannot have a default factory")
    if f._field_type is _FIELD_CLASSVAR:
        if f.kw_only is not MISSING:
            raise TypeError("field " + name + " is a ClassVar but specifies kw_only")
    elif f.kw_only is MISSING:
        f.kw_only = default_kw_only
    if f._field_type is _FIELD and f.default is not MISSING and _class_is_unhashable(type(f.default)):
        raise ValueError("mutable default " + repr(type(f.default)) + " for field " + name +
                         " is not allowed: use default_factory")
    return f


def _attach(cls, name, fn):
    # CPython's _set_new_attribute: never replaces what the class defines.
    if name in cls.__dict__:
        return True
    fn.__qualname__ = cls.__qualname__ + "." + fn.__name__
    setattr(cls, name, fn)
    return False


def _tuple_text(obj, flds):
    if not flds:
        return "()"
    return "(" + ",".join([obj + "." + f.name for f in flds]) + ",)"


def _init_source(all_fields, std_fields, kw_fields, frozen, has_post_init, self_name, ns):
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError("non-default argument " + repr(f.name) + " follows default argument")

    def param(f):
        if f.default is not MISSING:
            ns["__dataclass_dflt_" + f.name + "__"] = f.default
            return f.name + "=__dataclass_dflt_" + f.name + "__"
        if f.default_factory is not MISSING:
            return f.name + "=__dataclass_HAS_DEFAULT_FACTORY__"
        return f.name

    def assign(name, value):
        if frozen:
            return "__dataclass_builtins_object__.__setattr__(" + self_name + "," + repr(name) + "," + value + ")"
        return self_name + "." + name + "=" + value

    body = []
    for f in all_fields:
        if f.default_factory is not MISSING:
            factory = "__dataclass_dflt_" + f.name + "__"
            ns[factory] = f.default_factory
            if f.init:
                value = factory + "() if " + f.name + " is __dataclass_HAS_DEFAULT_FACTORY__ else " + f.name
            else:
                value = factory + "()"
        elif f.init:
            value = f.name
        else:
            continue
        if f._field_type is _FIELD_INITVAR:
            continue
        body.append(assign(f.name, value))
    if has_post_init:
        initvars = ",".join([f.name for f in all_fields if f._field_type is _FIELD_INITVAR])
        body.append(self_name + ".__post_init__(" + initvars + ")")
    if not body:
        body = ["pass"]
    params = [self_name] + [param(f) for f in std_fields]
    if kw_fields:
        params += ["*"] + [param(f) for f in kw_fields]
    return "def __init__(" + ",".join(params) + "):\n" + "".join(["    " + line + "\n" for line in body])


def _repr_source(flds):
    parts = ", ".join([f.name + "={self." + f.name + "!r}" for f in flds])
    return ("def __repr__(self):\n"
            "    if __dataclass_repr_enter__(self):\n"
            "        return '...'\n"
            "    try:\n"
            "        return self.__class__.__qualname__ + f\"(" + parts + ")\"\n"
            "    finally:\n"
            "        __dataclass_repr_leave__(self)\n")


def _compare_source(name, op, flds):
    return ("def " + name + "(self, other):\n"
            "    if other.__class__ is self.__class__:\n"
            "        return " + _tuple_text("self", flds) + op + _tuple_text("other", flds) + "\n"
            "    return NotImplemented\n")


def _frozen_source(flds):
    names = "(" + ",".join([repr(f.name) for f in flds]) + ",)" if flds else "()"
    return ("def __setattr__(self, name, value):\n"
            "    if type(self) is __dataclass_cls__ or name in " + names + ":\n"
            "        raise __dataclass_FrozenInstanceError__(f\"cannot assign to field {name!r}\")\n"
            "    super(__dataclass_cls__, self).__setattr__(name, value)\n"
            "def __delattr__(self, name):\n"
            "    if type(self) is __dataclass_cls__ or name in " + names + ":\n"
            "        raise __dataclass_FrozenInstanceError__(f\"cannot delete field {name!r}\")\n"
            "    super(__dataclass_cls__, self).__delattr__(name)\n")


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots, weakref_slot):
    if slots or weakref_slot:
        raise NotImplementedError("dataclass(slots=True) is outside Loopscope's Python subset")
    fields = {}
    setattr(cls, "__dataclass_params__", _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))

    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, "__dataclass_fields__", None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if getattr(b, "__dataclass_params__").frozen:
                any_frozen_base = True

    annotations = cls.__dict__.get("__annotations__", {})
    own = []
    kw_only_seen = False
    for name, annotation in annotations.items():
        if _is_kw_only_marker(annotation):
            if kw_only_seen:
                raise TypeError(f"{name!r} is KW_ONLY, but KW_ONLY has already been specified")
            kw_only_seen = True
            kw_only = True
        else:
            own.append(_get_field(cls, name, annotation, kw_only))

    for f in own:
        fields[f.name] = f
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(f"{name!r} is a field but has no type annotation")

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
        if not any_frozen_base and frozen:
            raise TypeError("cannot inherit frozen dataclass from a non-frozen one")

    setattr(cls, "__dataclass_fields__", fields)

    class_hash = cls.__dict__.get("__hash__", MISSING)
    has_explicit_hash = not (class_hash is MISSING or (class_hash is None and "__eq__" in cls.__dict__))

    if order and not eq:
        raise ValueError("eq must be true if order is true")

    all_init_fields = [f for f in fields.values() if f._field_type is _FIELD or f._field_type is _FIELD_INITVAR]
    std_init_fields = [f for f in all_init_fields if f.init and not f.kw_only]
    kw_only_init_fields = [f for f in all_init_fields if f.init and f.kw_only]
    field_list = [f for f in fields.values() if f._field_type is _FIELD]

    # The generated methods' globals.
    ns = {
        "__dataclass_HAS_DEFAULT_FACTORY__": _HAS_DEFAULT_FACTORY,
        "__dataclass_builtins_object__": object,
        "__dataclass_repr_enter__": _repr_enter,
        "__dataclass_repr_leave__": _repr_leave,
        "__dataclass_cls__": cls,
        "__dataclass_FrozenInstanceError__": FrozenInstanceError,
    }
    source = []
    if init:
        self_name = "__dataclass_self__" if "self" in fields else "self"
        source.append(_init_source(all_init_fields, std_init_fields, kw_only_init_fields, frozen,
                                   hasattr(cls, "__post_init__"), self_name, ns))
    if repr:
        source.append(_repr_source([f for f in field_list if f.repr]))
    compared = [f for f in field_list if f.compare]
    if eq:
        source.append(_compare_source("__eq__", "==", compared))
    order_ops = [("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")]
    if order:
        for name, op in order_ops:
            source.append(_compare_source(name, op, compared))
    if frozen:
        source.append(_frozen_source(field_list))
    if unsafe_hash or (eq and frozen and not has_explicit_hash):
        hashed = [f for f in field_list if (f.compare if f.hash is None else f.hash)]
        source.append("def __hash__(self):\n    return hash(" + _tuple_text("self", hashed) + ")\n")
    _exec("".join(source), ns)

    if init:
        _attach(cls, "__init__", ns["__init__"])
    if repr:
        _attach(cls, "__repr__", ns["__repr__"])
    if eq:
        _attach(cls, "__eq__", ns["__eq__"])
    if order:
        for name, op in order_ops:
            if _attach(cls, name, ns[name]):
                raise TypeError("Cannot overwrite attribute " + name + " in class " + cls.__name__ +
                                ". Consider using functools.total_ordering")
    if frozen:
        for name in ("__setattr__", "__delattr__"):
            if _attach(cls, name, ns[name]):
                raise TypeError("Cannot overwrite attribute " + name + " in class " + cls.__name__)
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError("Cannot overwrite attribute __hash__ in class " + cls.__name__)
        ns["__hash__"].__qualname__ = cls.__qualname__ + ".__hash__"
        cls.__hash__ = ns["__hash__"]
    elif eq and not has_explicit_hash:
        if frozen:
            ns["__hash__"].__qualname__ = cls.__qualname__ + ".__hash__"
            cls.__hash__ = ns["__hash__"]
        else:
            cls.__hash__ = None
    if eq or unsafe_hash:
        _compares_by_value(cls)

    if match_args and "__match_args__" not in cls.__dict__:
        cls.__match_args__ = tuple([f.name for f in std_init_fields])
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots,
                              weakref_slot)

    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    found = getattr(class_or_instance, "__dataclass_fields__", None)
    if found is None:
        raise TypeError("must be called with a dataclass type or instance")
    return tuple([f for f in found.values() if f._field_type is _FIELD])


def _is_dataclass_instance(obj):
    return not isinstance(obj, type) and hasattr(type(obj), "__dataclass_fields__")


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, "__dataclass_fields__")


def _convert(obj, factory):
    # asdict/astuple's walk: dataclasses become `factory` results, the
    # containers are rebuilt around converted items.
    if _is_dataclass_instance(obj):
        items = [(f.name, _convert(getattr(obj, f.name), factory)) for f in fields(obj)]
        return factory(items)
    if hasattr(obj, "_fields") and hasattr(obj, "_make"):
        return type(obj)(*[_convert(v, factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)([_convert(v, factory) for v in obj])
    if isinstance(obj, dict):
        return type(obj)([(_convert(k, factory), _convert(v, factory)) for k, v in obj.items()])
    return obj


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _convert(obj, dict_factory)


def _astuple(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
    if hasattr(obj, "_fields") and hasattr(obj, "_make"):
        return type(obj)(*[_astuple(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)([_astuple(v, tuple_factory) for v in obj])
    if isinstance(obj, dict):
        return type(obj)([(_astuple(k, tuple_factory), _astuple(v, tuple_factory)) for k, v in obj.items()])
    return obj


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple(obj, tuple_factory)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, "__dataclass_fields__").values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError("field " + f.name + " is declared with init=False, it cannot be specified with "
                                 "replace()")
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError("InitVar " + repr(f.name) + " must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
)PY";

}  // namespace

Value installDataclasses(VM& vm, DictObj* d) {
  moduleFn(vm, d, "_exec", execSource);
  moduleFn(vm, d, "_compares_by_value", comparesByValue);
  if (execMappingProxySource(vm, "dataclasses", d) == kError) return kError;
  return execStdlibSource(vm, "dataclasses", kSource, d);
}

}  // namespace py
