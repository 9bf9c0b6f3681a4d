# Type expressions modern annotations evaluate: `list[str]` is a
# types.GenericAlias and `int | None` a types.UnionType, printed and
# compared as CPython does; a class can define __class_getitem__.
print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], type[int], set[str], frozenset[int])
print(int | None, None | int, int | str | None, list[int] | None, int | int, (int | str) | (str | float))
print(type(int | None), type(list[int]))
print(list[int](), list[int]([1, 2]), dict[str, int](a=1))
print((int | None) == (None | int), list[int] == list[int], list[int] == list[str])
print((int | None).__args__, list[int].__origin__, dict[str, int].__args__)
print(len({int | None, None | int, list[int], list[int]}))


class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"


print(Box[int])
try:
    int | "x"
except TypeError as e:
    print("TypeError:", e)


class Record:
    owner: str | None = None
    items: list[tuple[str, int]] = []


print(Record.__annotations__)
