"""Read a CSV of measurements and print per-sensor statistics."""

from __future__ import annotations

import csv
import statistics
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Sensor:
    name: str
    values: list[float] = field(default_factory=list)

    @property
    def mean(self) -> float:
        return statistics.fmean(self.values) if self.values else 0.0


def load(path: Path) -> dict[str, Sensor]:
    sensors: dict[str, Sensor] = {}
    with path.open(newline="") as f:
        for row in csv.DictReader(f):
            try:
                value = float(row["value"])
            except (KeyError, ValueError) as exc:
                print(f"skipping {row!r}: {exc}")
                continue
            sensors.setdefault(row["sensor"], Sensor(row["sensor"])).values.append(value)
    return sensors


if __name__ == "__main__":
    import sys

    for s in sorted(load(Path(sys.argv[1])).values(), key=lambda s: s.name):
        print(f"{s.name:>10} {s.mean:8.2f} n={len(s.values)}")
