import json
from collections import OrderedDict
data = {"name": "Ada", "age": 36, "ratio": 0.1 + 0.2, "tags": ["x", "y"], "ok": True, "none": None,
        "nested": {"b": 1, "a": [1, 2.5, -3e20, 1e-7]}, "uni": "café ☕ 𝄞", 5: "int key", 1.5: "float key"}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2, sort_keys=False))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True, separators=(",", ":")))
print(json.dumps([1, [2, []], {}], indent="\t"))
print(json.dumps("line\nbreak \"q\" \\ \t \x01"), json.dumps(float("nan")), json.dumps(10**30), json.dumps((1, 2)))
print(json.dumps({"s": {1, 2}}, default=sorted), json.dumps(OrderedDict([("z", 1), ("a", 2)])))
for bad in [{"s": {1}}, {(1, 2): 3}]:
    try:
        json.dumps(bad)
    except TypeError as e:
        print("TypeError", e)
text = '{"a": [1, 2.0, -3, 1e3, true, false, null], "b": "\\u00e9\\n\\ud834\\udd1e", "c": {}}'
v = json.loads(text)
print(v, v["a"][1], type(v["a"][3]).__name__)
print(json.loads(json.dumps(data)) == {str(k) if not isinstance(k, str) else k: v for k, v in data.items()})
print(json.loads("  [1,\n 2 ]  "), json.loads('"x"'), json.loads("3.25"), json.loads("-0"), json.loads('{"a": 1}', object_hook=lambda d: sorted(d)))
for bad in ["", "[1, 2", '{"a" 1}', '{"a": 1,}', "[1,]", "{'a': 1}", '"abc', "[1] x", "tru", '"bad \\q"', "01", '{"a":1 "b":2}', "\n\n  @"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, e.lineno, e.colno, e.pos, isinstance(e, ValueError))
