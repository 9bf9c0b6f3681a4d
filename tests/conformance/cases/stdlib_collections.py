from collections import deque, defaultdict, Counter, namedtuple, OrderedDict
import collections
d = deque([1, 2, 3], maxlen=3)
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], 3 in d, 9 in d)
d.rotate(1)
print(d)
d.rotate(-2)
print(d)
d.extend([7, 8])
d.extendleft([5])
print(d, list(d), d.maxlen)
q = deque()
q.append("a"); q.append("b")
print(q.popleft(), q.pop(), q, bool(q))
for f in [lambda: q.pop(), lambda: q.popleft(), lambda: d[5], lambda: d.remove(99), lambda: d["x"], lambda: deque(maxlen=-1)]:
    try:
        f()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(deque(range(5)), deque(), deque("ab", 1), type(d), deque([1]) == deque([1]))
c = Counter("abracadabra")
print(c, c.most_common(2), c["z"], len(c))
c.update("aaz")
print(c)
print(c - Counter("aaaaaaa"), c + Counter({"q": 2}))
print(sorted(c.elements())[:6], c.total())
print(Counter(), Counter({"x": 3, "y": 5}), Counter(a=2, b=1))
dd = defaultdict(list)
dd["x"].append(1)
dd["y"]
print(dd, dd["x"], "z" in dd, len(dd), sorted(dd.keys()))
print(defaultdict(int, {"a": 1}), defaultdict(None))
counts = defaultdict(int)
for w in "the cat the dog the end".split():
    counts[w] += 1
print(dict(counts), counts)
try:
    defaultdict()["k"]
except KeyError as e:
    print("KeyError", e)
P = namedtuple("P", "x y")
p = P(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=5), P._fields, p == (1, 2), P)
x, y = p
print(x, y, len(p), tuple(p), list(p))
Point3 = namedtuple("Point3", ["x", "y", "z"], defaults=[0])
print(Point3(1, 2), Point3._make([4, 5, 6]))
for args in [(1,), (1, 2, 3), ()]:
    try:
        P(*args)
    except TypeError as e:
        print(e)
try:
    P(1, 2, z=3)
except TypeError as e:
    print(e)
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od.move_to_end("b")
print(od, list(od), od.popitem(), OrderedDict(), OrderedDict([("k", 1)]))
print(collections.deque is deque)
