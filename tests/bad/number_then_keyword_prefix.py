words = "a b c".split()
print(words[:3orte])
