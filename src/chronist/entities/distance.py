"""The great-circle distance between two points of the map, in kilometres."""

from __future__ import annotations

import math

__all__ = ["EARTH_RADIUS_KM", "km_between"]

EARTH_RADIUS_KM = 6371.0


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance on a sphere of the earth's mean radius.

    >>> round(km_between(52.52, 13.40, 48.14, 11.58))  # Berlin, Munich
    504
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
