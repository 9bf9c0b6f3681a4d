n = 1
print(f"tick {n}"
loop.)
