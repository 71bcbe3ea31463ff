"""The acceptance example: the AP story of 2 December 2024 against a careful coder's events."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from wirewatch.cli import main
from wirewatch.evaluate import score_seed
from wirewatch.gold import load_seed_gold
from wirewatch.models import Event

BACKGROUND = {"Gaza", "Israel", "Lebanon", "Palestine"}


def test_seed_story_end_to_end(shared: Path, tmp_path: Path) -> None:
    out = tmp_path / "seed.jsonl"
    result = CliRunner().invoke(
        main,
        [
            "run",
            str(shared / "seed" / "ap-2024-12-02-syria.txt"),
            "--db",
            str(tmp_path / "s.db"),
            "--out",
            str(out),
            "--quiet",
        ],
    )
    assert result.exit_code == 0, result.output
    events = [Event.from_dict(json.loads(line)) for line in out.read_text().splitlines()]
    assert all(e.evidence for e in events)
    assert not [e for e in events if e.location in BACKGROUND or e.country in BACKGROUND]

    report = score_seed(load_seed_gold(shared / "seed" / "expected.jsonl"), events)
    core = report.measure("core_found")
    assert core.hits >= 4, report.to_text()
