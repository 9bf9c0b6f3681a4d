// stdlib_typeforms.cpp: the values of type expressions that modern
// annotations evaluate: `list[str]` (types.GenericAlias) and `int | None`
// (types.UnionType), so that `tags: list[str] = field(...)` or
// `parent: Node | None = None` in a class body runs and prints as CPython's.
//
// Both are Python classes compiled by this VM into a private module (its
// name, "<typeforms>", cannot be written in an import statement); the
// operators and subscripts of type objects reach them through typeUnion and
// typeSubscript. What they do not cover keeps the VM's earlier behaviour:
// other types subscript to themselves.
#include "core/py/runtime.h"
#include "core/py/stdlib_modules.h"

namespace py {

namespace {

const char* const kModuleName = "<typeforms>";

const char* const kSource = R"PY(
def _item_repr(x):
    # How CPython's generic alias and union show one argument.
    if x is ...:
        return "..."
    if x is None or x is type(None):
        return "None"
    if isinstance(x, (GenericAlias, UnionType)):
        return repr(x)
    if isinstance(x, type):
        if x.__module__ == "builtins":
            return x.__qualname__
        return x.__module__ + "." + x.__qualname__
    return repr(x)


class GenericAlias:
    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args if isinstance(args, tuple) else (args,)

    def __repr__(self):
        if not self.__args__:
            inner = "()"
        else:
            inner = ", ".join([_item_repr(a) for a in self.__args__])
        return _item_repr(self.__origin__) + "[" + inner + "]"

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __getattr__(self, name):
        # list[int].__name__, .append, ...: the origin's.
        return getattr(self.__origin__, name)


class UnionType:
    def __init__(self, args):
        self.__args__ = args

    def __repr__(self):
        return " | ".join([_item_repr(a) for a in self.__args__])

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)


def _union(a, b):
    members = []
    for x in (a, b):
        if not (x is None or isinstance(x, (type, GenericAlias, UnionType))):
            return NotImplemented
        for m in (x.__args__ if isinstance(x, UnionType) else (x,)):
            if m is None:
                m = type(None)
            if m not in members:
                members.append(m)
    if len(members) == 1:
        return members[0]
    return UnionType(tuple(members))
)PY";

// The private module's function `name`, or kNull (no runtime to make it).
Value typeformsFunction(VM& vm, const char* name) {
  if (!vm.moduleFactory) return kNull;
  Value m = vm.importModule(kModuleName);
  if (m == kError) return kError;
  return vm.getAttr(m, vm.intern(name));
}

bool isTypeOperand(Value v) { return v.isNone() || isKind(v, Kind::Type); }

}  // namespace

Value installTypeforms(VM& vm, const std::string& name, DictObj* d) {
  if (name != kModuleName) return kNull;
  return execStdlibSource(vm, "types", kSource, d);
}

Value typeUnion(VM& vm, Value a, Value b) {
  if (!isTypeOperand(a) || !isTypeOperand(b) || (a.isNone() && b.isNone())) return kNull;
  Value fn = typeformsFunction(vm, "_union");
  if (fn == kNull || fn == kError) return fn;
  Value args[2] = {a, b};
  return vm.call(fn, args, 2);
}

Value typeSubscript(VM& vm, Value type, Value key) {
  auto* ty = as<TypeObj>(type);
  if (ty->isUser) {
    // __class_getitem__ is an implicit classmethod, as in CPython.
    Value hook = vm.lookupType(ty, vm.intern("__class_getitem__"));
    if (hook == kNull) return type;
    if (isKind(hook, Kind::ClassMethod) || isKind(hook, Kind::StaticMethod))
      hook = as<DescriptorObj>(hook)->func;
    Value args[2] = {type, key};
    return vm.call(hook, args, 2);
  }
  const Types& t = vm.t;
  if (ty != t.list && ty != t.dict && ty != t.tuple && ty != t.set && ty != t.frozenset && ty != t.type)
    return type;
  Value fn = typeformsFunction(vm, "GenericAlias");
  if (fn == kNull) return type;
  if (fn == kError) return kError;
  Value args[2] = {type, key};
  return vm.call(fn, args, 2);
}

}  // namespace py
