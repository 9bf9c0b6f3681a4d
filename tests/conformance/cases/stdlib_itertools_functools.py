from __future__ import annotations
import itertools
import string
import operator
import functools
from itertools import count, cycle, repeat, islice, chain, product, permutations, combinations
from typing import List, Optional, Dict, Any
from functools import reduce, wraps, lru_cache, cache, partial

print(list(islice(count(10, 5), 4)), list(islice(cycle("ab"), 5)), list(repeat("x", 3)))
print(list(islice(range(10), 2, 8, 3)), list(islice("abcdef", 3)), list(islice(count(), 0)))
print(list(chain([1, 2], "ab", (3,))), list(chain.from_iterable([[1], [2, 3]])))
print(list(product("ab", [0, 1])), len(list(product(range(3), repeat=2))))
print(list(permutations([1, 2, 3], 2)), list(permutations("ab")))
print(list(combinations("abcd", 2)), list(combinations(range(3), 0)), list(combinations(range(2), 3)))
print(list(itertools.combinations_with_replacement("ab", 2)))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3], operator.mul, initial=10)))
print([(k, list(g)) for k, g in itertools.groupby("aaabccaa")])
print([(k, len(list(g))) for k, g in itertools.groupby(sorted(["apple", "avocado", "banana", "cherry"]), key=lambda w: w[0])])
print(list(itertools.zip_longest("abc", [1], fillvalue="-")), list(itertools.zip_longest()))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.compress("abcd", [1, 0, 1, 0])), list(itertools.pairwise("abcd")))
print(list(itertools.filterfalse(lambda x: x % 2, range(6))))
print(string.ascii_letters, string.digits, string.punctuation, string.hexdigits, string.capwords("hello   big world"))
print(repr(string.whitespace), len(string.printable))
print(operator.add(2, 3), operator.mul("a", 3), operator.itemgetter(1)([5, 6]), operator.itemgetter(0, 2)("xyz"))
class P:
    def __init__(self, name, age):
        self.name, self.age = name, age
people = [P("b", 30), P("a", 25)]
print([p.name for p in sorted(people, key=operator.attrgetter("age"))], operator.attrgetter("name", "age")(people[0]))
print(sorted([("b", 2), ("a", 3)], key=operator.itemgetter(1), reverse=True), operator.methodcaller("upper")("hi"))
print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [1, 2, 3], 10))
def trace(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        print("calling", func.__name__)
        return func(*args, **kwargs)
    return wrapper
@trace
def greet(name):
    "Say hello."
    return "hello " + name
print(greet("bob"), greet.__name__, greet.__wrapped__("x"))
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())
@lru_cache
def sq(x):
    print("computing", x)
    return x * x
print(sq(3), sq(3), sq(4), sq.cache_info())
@cache
def double(x):
    return 2 * x
print(double(4), double(4), double.cache_info().hits)
small = lru_cache(maxsize=2)(lambda x: x + 1)
print([small(i) for i in [1, 2, 1, 3, 2]], small.cache_info())
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)), partial(pow, 2)(10))
def f(xs: List[int], d: Optional[Dict[str, Any]] = None) -> int:
    return len(xs)
print(f([1, 2]))
