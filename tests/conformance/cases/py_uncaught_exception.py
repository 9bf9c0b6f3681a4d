def parse(items):
    total = 0
    for item in items:
        total += int(item)
        print("running total", total)
    return total

parse(["1", "2", "three", "4"])
print("not reached")
