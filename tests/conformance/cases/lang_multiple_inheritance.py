# Multiple inheritance: C3 method resolution order, super() along the MRO,
# mixins, and the errors of an inconsistent hierarchy.
class Base:
    def greet(self):
        return "Base"

    def __init__(self):
        print("Base.__init__")


class Left(Base):
    def greet(self):
        return "Left>" + super().greet()

    def __init__(self):
        print("Left.__init__")
        super().__init__()


class Right(Base):
    def greet(self):
        return "Right>" + super().greet()

    def __init__(self):
        print("Right.__init__")
        super().__init__()


class Diamond(Left, Right):
    def greet(self):
        return "Diamond>" + super().greet()

    def __init__(self):
        print("Diamond.__init__")
        super().__init__()


d = Diamond()
print(d.greet())
print([c.__name__ for c in Diamond.__mro__])
print([c.__name__ for c in Diamond.__bases__], Diamond.__base__.__name__)
print(isinstance(d, Left), isinstance(d, Right), isinstance(d, Base), issubclass(Diamond, Right))


class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass


print([c.__name__ for c in Z.__mro__])


class JsonMixin:
    def to_json(self):
        return "{" + ", ".join(f'"{k}": {v!r}' for k, v in vars(self).items()) + "}"


class ReprMixin:
    def __repr__(self):
        return f"{type(self).__name__}({vars(self)})"


class Point(JsonMixin, ReprMixin):
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
print(p.to_json(), repr(p), p)


class Named:
    def __init__(self, name, **rest):
        self.name = name
        super().__init__(**rest)


class Aged:
    def __init__(self, age, **rest):
        self.age = age
        super().__init__(**rest)


class Person(Named, Aged):
    pass


q = Person(name="Ada", age=36)
print(q.name, q.age, [c.__name__ for c in Person.__mro__])


class AppError(Exception):
    pass


class Retryable:
    retries = 3


class NetworkError(Retryable, AppError):
    pass


try:
    raise NetworkError("timeout")
except AppError as e:
    print(type(e).__name__, e, e.retries, isinstance(e, Exception))


class X: pass
class Y: pass
class P1(X, Y): pass
class P2(Y, X): pass


def bad_order():
    class Bad(P1, P2):
        pass


def duplicate():
    class Dup(X, X):
        pass


def base_before_subclass():
    class Order(Base, Left):
        pass


def layout():
    class Layout(int, str):
        pass


for make in [bad_order, duplicate, base_before_subclass, layout]:
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)


try:
    Person(name="Ada", age=36, extra=1)
except TypeError as e:
    print("TypeError:", e)
