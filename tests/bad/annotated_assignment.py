x: int = 1
y: str
print(x)
