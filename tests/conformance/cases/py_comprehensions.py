squares = [x * x for x in range(8)]
evens = [x for x in squares if x % 2 == 0]
pairs = [(i, j) for i in range(3) for j in range(i)]
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
transposed = [[row[i] for row in matrix] for i in range(3)]
print(squares, evens)
print(pairs)
print(matrix, transposed)
print({w: len(w) for w in ["aa", "b", "cccc"]})
print(sorted({c.upper() for c in "hello"}))
print(sum(x for x in range(101)), any(x > 5 for x in [1, 2]), all(x > 0 for x in [1, 2]))
print(max(len(w) for w in ["a", "abc", "ab"]), min((x for x in [4, 2, 8])))
flat = [y for row in matrix for y in row if y % 2]
print(flat)
print(["even" if x % 2 == 0 else "odd" for x in range(4)])
