import random

print(random.random())
print(random.randint(1, 100), random.uniform(0, 1))
deck = list(range(10))
random.shuffle(deck)
print(deck)
print(random.choice("xyz"))
