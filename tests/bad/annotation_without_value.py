class A:
    defpr__(self):
        pass
