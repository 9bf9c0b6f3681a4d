squares = [i := i * i for i in range(3)]
