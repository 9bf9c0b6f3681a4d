// stdlib_typing.cpp: a `typing` module that makes annotations work: its
// names exist and subscript (List[int], Optional[str]), and nothing is checked,
// as CPython checks nothing at run time.  Reprs of subscripted forms are
// approximate.
#include "core/py/runtime.h"
#include "core/py/stdlib_modules.h"

namespace py {

namespace {

const char* const kSource = R"PY(
TYPE_CHECKING = False


class _Form:
    # A typing construct: subscriptable and printable, never checked (the
    # simulator ignores annotations as CPython does at run time).
    def __init__(self, name, args=None):
        self._name = name
        self._args = args

    def __getitem__(self, params):
        return _Form(self._name, params)

    def __call__(self, *args, **kwargs):
        raise TypeError("Type " + self._name + " cannot be instantiated")

    def __repr__(self):
        if self._args is None:
            return "typing." + self._name
        args = self._args if isinstance(self._args, tuple) else (self._args,)
        return "typing." + self._name + "[" + ", ".join([_type_repr(a) for a in args]) + "]"


def _type_repr(t):
    if isinstance(t, type):
        if t.__module__ == "builtins":
            return t.__qualname__
        return t.__module__ + "." + t.__qualname__
    if t is None:
        return "None"
    if t is ...:
        return "..."
    if isinstance(t, list):
        return "[" + ", ".join([_type_repr(a) for a in t]) + "]"
    return repr(t)


Any = _Form("Any")
Union = _Form("Union")
Optional = _Form("Optional")
List = _Form("List")
Dict = _Form("Dict")
Set = _Form("Set")
FrozenSet = _Form("FrozenSet")
Tuple = _Form("Tuple")
Type = _Form("Type")
Callable = _Form("Callable")
Awaitable = _Form("Awaitable")
Coroutine = _Form("Coroutine")
AsyncIterator = _Form("AsyncIterator")
AsyncIterable = _Form("AsyncIterable")
AsyncGenerator = _Form("AsyncGenerator")
Iterable = _Form("Iterable")
Iterator = _Form("Iterator")
Generator = _Form("Generator")
Sequence = _Form("Sequence")
MutableSequence = _Form("MutableSequence")
Mapping = _Form("Mapping")
MutableMapping = _Form("MutableMapping")
Literal = _Form("Literal")
Final = _Form("Final")
ClassVar = _Form("ClassVar")
NoReturn = _Form("NoReturn")
Deque = _Form("Deque")
DefaultDict = _Form("DefaultDict")
Counter = _Form("Counter")


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name

    def __repr__(self):
        return "~" + self.__name__


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(f):
    return f


def get_type_hints(obj):
    return {}
)PY";

}  // namespace

Value installTyping(VM& vm, DictObj* d) { return execStdlibSource(vm, "typing", kSource, d); }

}  // namespace py
