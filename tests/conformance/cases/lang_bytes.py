# bytes as tutorials use it: literals, repr, operators, indexing, codecs.
data = b'hello'
print(data, repr(data), str(data), len(data), type(data).__name__)
print(b"it's", b'say "hi"', b'both \' and "', b'\x00\x7f\x80\xff\t\n\r\\', b'\101\7\777')
print(b'\u1234 \N{DASH} \q', rb'\x41\n', Rb"raw\\")
print(b'con' b"cat" rb'\d', b'')
print(data[0], data[-1], data[1:3], data[::-1], data[::2], data[10:])
print(list(data), [c for c in b'abc'], sum(b'\x01\x02'))
print(data == b'hello', data != b'hello', data == 'hello', data < b'help', b'a' <= b'a', b'b' > b'ab')
print(data + b' world', data * 2, 3 * b'ab', b'' * 5)
print(b'ell' in data, 104 in data, 0 in data, b'' in data)
d = {b'key': 1, 'key': 2}
print(d[b'key'], d['key'], len({b'x', b'x', 'x'}), hash(b'abc') == hash(b'ab' + b'c'))
print(isinstance(data, bytes), isinstance('s', bytes), bool(b''), bool(b'\x00'))
print(f'{data}', f'{data!r}', f'{data!s}', f'{data!a}', '%s|%r' % (data, data), format(data))
print('{} {!r}'.format(b'x', b'y'))
print('héllo wörld'.encode(), 'abc'.encode('ascii'), 'é'.encode('latin-1'), 'x'.encode(encoding='utf8'))
print(b'h\xc3\xa9llo'.decode(), b'abc'.decode('ascii'), b'\xe9'.decode('latin-1'), b'ok'.decode(encoding='UTF-8'))
print(b'a\xffb'.decode('utf-8', 'replace'), b'a\xffb'.decode(errors='ignore'))
print(bytes(3), bytes([72, 105]), bytes('hé', 'utf-8'), bytes(b'copy'), bytes(), bytes(range(65, 70)))
print(b'a,b,,c'.split(b','), b' x  y '.split(), b'  pad  '.strip(), b'xxhixx'.strip(b'x'))
print(b'-'.join([b'a', b'b', b'c']), b'Hello'.upper(), b'Hello'.lower(), b'aXbX'.replace(b'X', b'--'))
print(b'hello'.startswith(b'he'), b'hello'.endswith((b'x', b'lo')), b'hello'.find(b'l'), b'hello'.find(108), b'hello'.find(b'z'))
print(b'\x00\xffA'.hex(), sorted([b'b', b'a', b'ab']), max(b'az'), min([b'z', b'y']))
for cases in [b'\xff', b'a\x80b', b'\xc3', b'\xe2\x82', b'\xe2\x28\xa1', b'\xf0\x9f\x98', b'\xed\xa0\x80', b'\xf0\x9f\x98(']:
    try:
        cases.decode()
    except UnicodeDecodeError as e:
        print(type(e).__name__, e, repr(e), e.args[2:], isinstance(e, ValueError))
try:
    'café'.encode('ascii')
except UnicodeEncodeError as e:
    print(e)
try:
    'ok 日本 x'.encode('ascii')
except UnicodeError as e:
    print(e)
for bad in [lambda: b'a' + 'b', lambda: 'a' + b'b', lambda: bytes('x'), lambda: bytes([256]), lambda: bytes(['a']),
            lambda: bytes(-1), lambda: bytes(1.5), lambda: b'abc'[3], lambda: b'abc'['x'], lambda: 'a' in b'abc',
            lambda: 300 in b'abc', lambda: b'x'.decode('nope'), lambda: b'a' < 'b', lambda: b'x'.startswith('x'),
            lambda: b','.join(['a']), lambda: f'{b"x":>5}']:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
