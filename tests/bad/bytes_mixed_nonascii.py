x = 'a' b'é'
y = b'\x'
