"""Sums the shuffle a Spark run wrote, from its event log (spark.eventLog.enabled): bytes and
records written by each stage's tasks, by stage, and the total. Usage:
    python scripts/spark/shuffle.py EVENT_LOG_DIR
EVENT_LOG_DIR is spark.eventLog.dir, holding one run's log, uncompressed
(spark.eventLog.compress=false): a file, or a folder of rolled files (events_N_...)."""

import json
import sys
from collections import defaultdict
from pathlib import Path


def event_lines(path: Path):
    if path.is_dir():
        logs = [p for p in path.iterdir() if not p.name.startswith(".")]
        if len(logs) == 1:
            yield from event_lines(logs[0])
            return
        rolled = [p for p in logs if p.name.startswith("events_")]
        for p in sorted(rolled, key=lambda p: int(p.name.split("_")[1])):
            yield from event_lines(p)
        return
    with open(path) as log:
        yield from log


def main(path: str) -> None:
    names: dict[int, str] = {}
    written = defaultdict(lambda: [0, 0])
    for line in event_lines(Path(path)):
        event = json.loads(line)
        kind = event.get("Event")
        if kind == "SparkListenerStageCompleted":
            info = event["Stage Info"]
            names[info["Stage ID"]] = info["Stage Name"]
        elif kind == "SparkListenerTaskEnd":
            metrics = (event.get("Task Metrics") or {}).get("Shuffle Write Metrics") or {}
            stage = written[event["Stage ID"]]
            stage[0] += metrics.get("Shuffle Bytes Written", 0)
            stage[1] += metrics.get("Shuffle Records Written", 0)
    total = [0, 0]
    for stage, (size, records) in sorted(written.items()):
        if size:
            print(f"stage {stage:3} {names.get(stage, '?'):40} {size / 1e6:10.1f} MB {records:12,} records")
        total[0] += size
        total[1] += records
    print(f"shuffle written: {total[0] / 1e6:.1f} MB, {total[1]:,} records")


if __name__ == "__main__":
    main(sys.argv[1])
