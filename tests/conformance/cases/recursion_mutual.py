# Mutual recursion and recursion through built-in code raise RecursionError
# too, and the program carries on.
def ping(n):
    return pong(n + 1)


def pong(n):
    return ping(n + 1)


class Node:
    def __repr__(self):
        return f"Node({self!r})"


class Loop:
    @property
    def value(self):
        return self.value


def deep():
    yield from deep()


for name, case in [("mutual", lambda: ping(0)), ("repr", lambda: repr(Node())),
                   ("property", lambda: Loop().value), ("yield from", lambda: list(deep()))]:
    try:
        case()
    except RecursionError as e:
        print(name, type(e).__name__)
print("done")
