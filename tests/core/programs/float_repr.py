# repr(float) for the values the loop formats (clock values, delays):
# one "bits repr" line per value, the bits as hex of the IEEE double.
import struct

values = [0.0, -0.0, 1.0, 0.1, 0.5, 2.5500000000000003, 1e-05, 0.0001, 123456.789,
          1e16, 1e15, 9999999999999998.0, 1.5e-7, 3.141592653589793, 1e300, -2.75,
          0.30000000000000004, 100.0, 1e22, 5e-324]
for v in values:
    print(struct.pack(">d", v).hex(), repr(v))
