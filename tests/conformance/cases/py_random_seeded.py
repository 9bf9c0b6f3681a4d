import random

random.seed(42)
print(random.random(), random.random())
print(random.uniform(1, 10), random.randint(1, 6), random.randint(1, 6))
items = ["a", "b", "c", "d", "e"]
print(random.choice(items), random.choice(items))
random.shuffle(items)
print(items)
random.seed("hello")
print(random.random(), random.randint(0, 100))
random.seed(42)
print(random.random())
