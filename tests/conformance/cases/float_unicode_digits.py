# float() reads any Unicode decimal digits and white space, as CPython does
# (and rejects the ASCII separators \x1c-\x1f that str.isspace() accepts).
texts = [
    "\u0661\u0662\u0663", "\u3000 7.5 ", "\u0661.\u0665", "  \u0663e\u0662",
    "\u00a012\u2003", "1_000.5", "\u0661_\u0660", "\u0661\u0662x",
    "\u2007-\u0664.\u0662\u2007", "\u3000nan", "-\u0969inf",
    "\U0001d7d9.\U0001d7dd", "1.5\x85", "\x1c2.0", "2.0\x1f", " 2.0\x0b",
    "\u096b\u096e", "\u0e51\u0e52.\u0e55", "", " ", "\u0661 \u0662",
]
for i, s in enumerate(texts):
    try:
        print(i, float(s))
    except ValueError as e:
        print(i, "ValueError:", e)
