x = b"ab\x4" + b"\xzz"
