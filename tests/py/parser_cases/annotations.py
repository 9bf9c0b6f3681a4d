# Variable annotations: every target kind, with and without a value.
x: int = 5
y: list[str]
(z): int = 1
obj.attr: float = 0.5
obj.attr2: "Forward"
d['k']: int = 1
d[1:2, 3]: tuple
counter: int = 0 if x else 1
pair: tuple = 1, *rest
many: dict[str, list[int]] | None = None


class Job:
    name: str
    delay: float = 1.0
    (paren): int


def f(self):
    self.x: int = 0
    local: str
    value: int = yield
