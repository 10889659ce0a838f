"""Points on a plane."""

import math

SCALE = 2


class Point:
    """A point."""

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def distance(self, other):
        return math.hypot(self.x - other.x, self.y - other.y)


def origin():
    return Point(0, 0)
