# __getattr__ (only when normal lookup fails), __setattr__ and __delattr__
# on user classes, with super() and object.__setattr__ as the fallback.
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "log", [])

    def __getattr__(self, name):
        self.log.append(name)
        return getattr(self._target, name)

    def __setattr__(self, name, value):
        self.log.append("set " + name)
        setattr(self._target, name, value)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


p = Point(3, -4)
proxy = Proxy(p)
print(proxy.x, proxy.y, proxy.norm1())
proxy.x = 10
print(p.x, proxy.log)
print(hasattr(proxy, "nothing"), getattr(proxy, "nothing", "default"))
try:
    proxy.missing
except AttributeError as e:
    print("AttributeError:", e)


class Validated:
    def __setattr__(self, name, value):
        if name == "age" and value < 0:
            raise ValueError("age must be >= 0")
        print("set", name, value)
        super().__setattr__(name, value)

    def __delattr__(self, name):
        print("del", name)
        super().__delattr__(name)


v = Validated()
v.age = 5
v.name = "ann"
print(v.age, v.name, v.__dict__)
try:
    v.age = -1
except ValueError as e:
    print("ValueError:", e)
del v.name
print(v.__dict__)
try:
    del v.name
except AttributeError as e:
    print("AttributeError:", e)


class Defaults:
    color = "red"

    def __getattr__(self, name):
        if name.startswith("is_"):
            return name[3:] == self.color
        raise AttributeError(f"no {name!r} here")


d = Defaults()
print(d.color, d.is_red, d.is_blue)
d.color = "blue"
print(d.is_blue)
try:
    d.size
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(d, "size"), getattr(d, "size", 0))


class Child(Validated):
    pass


c = Child()
c.age = 7
print(c.age)


class Frozen:
    __slots_like__ = ("a",)

    def __init__(self, a):
        object.__setattr__(self, "a", a)

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign to field {name!r}")


f = Frozen(1)
print(f.a)
try:
    f.a = 2
except AttributeError as e:
    print("AttributeError:", e)
print(object.__getattribute__(f, "a"))
