# functions, closures, classes, exceptions, generators
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(20))

def counter():
    count = 0
    def inc(by=1):
        nonlocal count
        count += by
        return count
    return inc

c = counter()
c()
c(5)
print(c())

class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"Animal({self.name!r})"

class Dog(Animal):
    def speak(self):
        return super().speak() + " (woof)"

d = Dog("Rex")
print(d.speak(), d, Dog.kind, isinstance(d, Animal))

class MyError(Exception):
    pass

def risky(n):
    if n > 2:
        raise MyError(f"too big: {n}")
    return n

for i in range(5):
    try:
        print(risky(i))
    except MyError as e:
        print("caught", e, repr(e))
    finally:
        print("finally", i)

def gen(n):
    for i in range(n):
        yield i * i

print(list(gen(5)), sum(gen(4)))
print([x * 2 for x in range(5) if x % 2 == 0], {k: v for k, v in zip("abc", range(3))})
try:
    {}["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    1 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
