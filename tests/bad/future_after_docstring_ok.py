"""Docstring."""
# comment
from __future__ import annotations
from __future__ import (division,
    generator_stop)
x: Undefined = 1
