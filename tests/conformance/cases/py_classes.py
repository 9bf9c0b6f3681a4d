class Animal:
    kind = "animal"

    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound

    def speak(self):
        return f"{self.name} says {self.sound}"

    def __str__(self):
        return f"Animal({self.name})"

    def __repr__(self):
        return f"Animal({self.name!r})"


class Dog(Animal):
    kind = "dog"

    def __init__(self, name):
        super().__init__(name, "woof")
        self.tricks = []

    def speak(self):
        return super().speak() + "!"

    def __str__(self):
        return f"Dog {self.name} knows {len(self.tricks)} tricks"


a = Animal("generic")
d = Dog("Rex")
d.tricks.append("sit")
print(a.speak(), "|", d.speak())
print(a, "|", d, "|", [a, d])
print(isinstance(d, Animal), isinstance(a, Dog), type(d).__name__, type(d) is Dog)
print(Animal.kind, Dog.kind, d.kind, issubclass(Dog, Animal))
print(repr(a), str(d))
