text = "The quick brown fox jumps over the lazy dog"
words = text.split()
print(len(words), words[-1], max(words, key=len))
freq = {}
for w in words:
    key = w.lower()
    freq[key] = freq.get(key, 0) + 1
print(freq["the"], sorted(freq)[:3])
caps = "".join(c.upper() if i % 2 == 0 else c for i, c in enumerate("alternate"))
print(caps)
print(" ".join(w[::-1] for w in words[:3]))
vowels = sum(1 for c in text if c in "aeiou")
print("vowels:", vowels)
lines = ["name,age", "ann,31", "bob,25"]
header, *rows = [line.split(",") for line in lines]
print(header, [dict(zip(header, r)) for r in rows])
