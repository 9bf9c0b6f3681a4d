import functools
import math

def power(base, exp):
    return base ** exp

square = functools.partial(power, exp=2)
cube = functools.partial(power, exp=3)
print(square(5), cube(2), functools.partial(power, 2)(10))
print(math.sqrt(16), math.sqrt(2), math.floor(-2.5), math.ceil(2.1), math.floor(3.9))
print(math.pi, round(math.pi, 4), f"{math.pi:.3f}")
print(math.factorial(20), math.gcd(12, 18), math.isclose(0.1 + 0.2, 0.3), math.inf)
print(math.fabs(-2), math.pow(2, 10), math.trunc(-3.7), math.e)
