global x
x: int = 1
(y): int = 2
