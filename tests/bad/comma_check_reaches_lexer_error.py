print(r, a aw\op())
