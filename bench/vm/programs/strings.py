parts = []
for i in range(300000):
    parts.append(f"item-{i}")
text = ",".join(parts)
words = text.split(",")
print(len(text), len(words), words[-1].upper())
