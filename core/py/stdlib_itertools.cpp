// stdlib_itertools.cpp: the `itertools` module as Python generators compiled by this VM.
//
// Each function is a generator (or, for chain, a small iterator class), so
// infinite ones (count, cycle, repeat) are lazy as in CPython; combinatoric
// ones build their results from product() in CPython's order.
#include "core/py/runtime.h"
#include "core/py/stdlib_modules.h"

namespace py {

namespace {

const char* const kSource = R"PY(
def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step


def cycle(iterable):
    saved = []
    for x in iterable:
        yield x
        saved.append(x)
    while saved:
        for x in saved:
            yield x


def repeat(obj, times=None):
    if times is None:
        while True:
            yield obj
    else:
        for _ in range(times):
            yield obj


def _chain_items(iterables):
    for it in iterables:
        for x in it:
            yield x


class chain:
    def __init__(self, *iterables):
        self._it = _chain_items(iterables)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)

    @staticmethod
    def from_iterable(iterables):
        return _chain_items(iterables)


def islice(iterable, *args):
    s = slice(*args)
    start = 0 if s.start is None else s.start
    stop = s.stop
    step = 1 if s.step is None else s.step
    if start < 0 or (stop is not None and stop < 0):
        raise ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    if step <= 0:
        raise ValueError("Step for islice() must be a positive integer or None.")
    it = iter(iterable)
    i = 0
    nxt = start
    while stop is None or i < stop:
        try:
            x = next(it)
        except StopIteration:
            return
        if i == nxt:
            yield x
            nxt += step
        i += 1


def accumulate(iterable, func=None, *, initial=None):
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for x in it:
        total = total + x if func is None else func(total, x)
        yield total


def _groups(iterable, key):
    it = iter(iterable)
    sentinel = []
    pending = sentinel
    while True:
        if pending is sentinel:
            try:
                pending = next(it)
            except StopIteration:
                return
        k = pending if key is None else key(pending)
        items = [pending]
        pending = sentinel
        for x in it:
            kx = x if key is None else key(x)
            if kx == k:
                items.append(x)
            else:
                pending = x
                break
        yield k, iter(items)
        if pending is sentinel:
            return


def groupby(iterable, key=None):
    return _groups(iterable, key)


def zip_longest(*iterables, fillvalue=None):
    iters = [iter(it) for it in iterables]
    done = [False] * len(iters)
    left = len(iters)
    while left:
        row = []
        for i in range(len(iters)):
            if done[i]:
                row.append(fillvalue)
                continue
            try:
                row.append(next(iters[i]))
            except StopIteration:
                done[i] = True
                left -= 1
                row.append(fillvalue)
        if not left:
            return
        yield tuple(row)


def takewhile(predicate, iterable):
    for x in iterable:
        if predicate(x):
            yield x
        else:
            return


def dropwhile(predicate, iterable):
    it = iter(iterable)
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def filterfalse(predicate, iterable):
    for x in iterable:
        if not (bool(x) if predicate is None else predicate(x)):
            yield x


def starmap(function, iterable):
    for args in iterable:
        yield function(*args)


def compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def pairwise(iterable):
    it = iter(iterable)
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b


def product(*iterables, repeat=1):
    pools = [tuple(p) for p in iterables] * repeat
    result = [()]
    for pool in pools:
        result = [r + (y,) for r in result for y in pool]
    for r in result:
        yield r


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r > n:
        return
    for idx in product(range(n), repeat=r):
        if len(set(idx)) == r:
            yield tuple([pool[i] for i in idx])


def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    for idx in permutations(range(n), r):
        if sorted(idx) == list(idx):
            yield tuple([pool[i] for i in idx])


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    for idx in product(range(n), repeat=r):
        if sorted(idx) == list(idx):
            yield tuple([pool[i] for i in idx])


def tee(iterable, n=2):
    items = list(iterable)
    return tuple([iter(items) for _ in range(n)])
)PY";

}  // namespace

Value installItertools(VM& vm, DictObj* d) { return execStdlibSource(vm, "itertools", kSource, d); }

}  // namespace py
