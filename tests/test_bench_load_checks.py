"""The load benchmark's verdicts (tests/benchmarks/bench_load.py): a lost update or a phantom
in the data is counted, so its "0 lost updates" means something."""

from __future__ import annotations

from types import SimpleNamespace

from tests.benchmarks.bench_load import summarise, verify


class _Records:
    def __init__(self, notes: dict[int, str]) -> None:
        self.notes = notes

    def get(self, record_id: int) -> SimpleNamespace:
        text = self.notes[record_id]
        return SimpleNamespace(internal_notes=text, notes=text)


def test_a_missing_acknowledged_token_is_a_lost_update_and_a_stray_one_a_phantom() -> None:
    services = SimpleNamespace(
        visits=_Records({1: "w1.1 w2.1 w4.1"}),
        people=_Records({7: "w1.2"}),
        paperwork=_Records({9: ""}),
    )
    gathered = {
        "results": [
            {
                "latencies": [0.01, 0.02],
                "cpu_times": [0.001, 0.002],
                "saved": [["visit", 1, "w1.1"], ["person", 7, "w1.2"]],
                "failed": [],
                "conflicts": 1,
                "errors": 0,
            },
            {
                # w2.2 was acknowledged but is gone: someone saved over it from a stale read.
                "latencies": [0.03, 0.04],
                "cpu_times": [0.003, 0.004],
                "saved": [["visit", 1, "w2.1"], ["paperwork", 9, "w2.2"]],
                "failed": [["visit", 1, "w4.1"]],  # reported failed, yet in the data
                "conflicts": 0,
                "errors": 1,
            },
        ],
        "exit_codes": [0, 0],
        "tracebacks": 1,
    }
    checks = verify(services, gathered)
    assert checks == {"lost_updates": 1, "phantoms": 1}
    report = summarise("sqlite", 2, 2.0, gathered, checks)
    assert (report["saves"], report["saves_per_s"], report["conflicts_retried"]) == (4, 2.0, 1)
    assert report["median_ms"] == 25.0 and report["tracebacks"] == 1


def test_a_clean_run_has_nothing_lost() -> None:
    services = SimpleNamespace(visits=_Records({1: "w1.1 w1.2"}), people=None, paperwork=None)
    gathered = {
        "results": [
            {
                "latencies": [0.01],
                "cpu_times": [0.001],
                "saved": [["visit", 1, "w1.1"], ["visit", 1, "w1.2"]],
                "failed": [],
                "conflicts": 0,
                "errors": 0,
            }
        ],
        "exit_codes": [0],
        "tracebacks": 0,
    }
    assert verify(services, gathered) == {"lost_updates": 0, "phantoms": 0}
