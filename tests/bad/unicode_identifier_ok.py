été = 1
π = 3
print(été + π)
