d = {"b": 2, "a": 1}
d["c"] = 3
print(d, d.get("a"), d.get("z"), d.get("z", 0))
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.setdefault("a", 100), d.setdefault("e", 5), d)
print(d.pop("b"), d.pop("missing", "default"), d)
d.update({"a": 10, "f": 6})
d.update(g=7)
print(d)
for k, v in d.items():
    print(k, v)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print("a" in d, "zz" not in d, len(d))
del d["a"]
print(d, dict(zip(["x", "y"], [1, 2])), {k: v for k, v in d.items() if v > 5})
try:
    d["nope"]
except KeyError as e:
    print("KeyError", e)
