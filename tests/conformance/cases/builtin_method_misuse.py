# A student calls a built-in method with the wrong number or kind of
# arguments, or takes it from its type and passes a wrong receiver: each
# call raises CPython's TypeError (never a crash, never a silent result).
import asyncio

CALLS = [
    ("list.clear with an argument", lambda: [1].clear(1)),
    ("list.append with none", lambda: [].append()),
    ("list.insert with one", lambda: [].insert(1)),
    ("list.pop with two", lambda: [1].pop(0, 1)),
    ("list.pop with a str", lambda: [1].pop("a")),
    ("list.insert with a str index", lambda: [1].insert("a", 2)),
    ("list.index with None bounds", lambda: [1].index(1, None)),
    ("tuple.count with none", lambda: (1,).count()),
    ("dict.get with none", lambda: {}.get()),
    ("dict.get with three", lambda: {}.get(1, 2, 3)),
    ("dict.setdefault with none", lambda: {}.setdefault()),
    ("dict.keys with one", lambda: {}.keys(1)),
    ("dict.pop with none", lambda: {}.pop()),
    ("dict.update with two", lambda: {}.update({}, {})),
    ("dict.fromkeys with none", lambda: dict.fromkeys()),
    ("set.add with none", lambda: set().add()),
    ("set.issubset with two", lambda: {1}.issubset([1], [2])),
    ("frozenset.isdisjoint with none", lambda: frozenset().isdisjoint()),
    ("str.upper with one", lambda: "a".upper(1)),
    ("str.strip with an int", lambda: "abc".strip(1)),
    ("str.lstrip with a list", lambda: "abc".lstrip([1])),
    ("str.center with two ints", lambda: "abc".center(1, 2)),
    ("str.center with a long fill", lambda: "abc".center(9, "ab")),
    ("str.zfill with a str", lambda: "abc".zfill("a")),
    ("str.rsplit with two ints", lambda: "a b".rsplit(1, 2)),
    ("str.split with a str maxsplit", lambda: "a b".split(" ", "1")),
    ("str.find with an int", lambda: "abc".find(1)),
    ("str.replace with None", lambda: "abc".replace(None, "x")),
    ("str.removeprefix with an int", lambda: "abc".removeprefix(1)),
    ("str.find with four", lambda: "abc".find("a", 0, 1, 2)),
    ("str.expandtabs with a list", lambda: "a\tb".expandtabs([1])),
    ("str.upper on an int", lambda: str.upper(5)),
    ("list.append on an int", lambda: list.append(3, 1)),
    ("dict.keys on a list", lambda: dict.keys([])),
    ("str.join unbound with nothing", lambda: str.join()),
    ("a str times a str", lambda: "x" * "y"),
    ("a list times a float", lambda: [1] * 2.0),
    ("a float times a str", lambda: 2.0 * "a"),
    ("a tuple plus a list", lambda: (1,) + [2]),
]


async def main():
    for what, call in CALLS:
        try:
            print(f"{what}: {call()!r}")
        except Exception as e:
            print(f"{what}: {type(e).__name__}: {e}")
    # What still works: the right calls, and methods of subclasses.
    print("abc".center(9, "*"), "7".zfill(3), "a b c".rsplit(" ", 1), [3, 1].pop(0))
    print(str.upper("ok"), list.append([], 1), dict.get({"k": 1}, "k"))

asyncio.run(main())
