"""End to end through the library and the CLI, on stories the tests write."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from wirewatch.cli import main
from wirewatch.models import ACLED_COLUMNS
from wirewatch.pipeline import run
from wirewatch.store import Store

STORY = (
    "date 2024-02-05 ABUJA, Nigeria (WW) Gunmen killed seven people in an attack on a village in "
    "Benue state on Sunday, police said.\n\nSoldiers clashed with militants near Maiduguri on "
    "Saturday, the army said.\n"
)


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (folder / "latin1.txt").write_bytes("Soldats tués à Goma, déclaration".encode("latin-1"))
    records = [
        {
            "id": "r1",
            "text": "Police arrested 12 protesters in Nairobi on Monday.",
            "published": "2024-01-09",
        }
    ]
    (folder / "more.jsonl").write_text(
        "\n".join(json.dumps(r) for r in records) + "\n{broken\n", encoding="utf-8"
    )
    return folder


def test_run_skips_bad_files_by_name_and_is_idempotent(inputs: Path, tmp_path: Path) -> None:
    with Store(tmp_path / "w.db") as store:
        report = run([str(inputs)], store)
        skipped = {Path(s.origin.split(":")[0]).name for s in report.skipped}
        assert {"empty.txt", "binary.txt", "latin1.txt", "more.jsonl"} <= skipped
        assert report.new_documents == 2
        first = store.count_events()
        assert first >= 2
        again = run([str(inputs)], store)
        assert again.new_documents == 0
        assert store.count_events() == first
        assert store.count_documents() == 2


def test_cli_run_writes_every_format(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner = CliRunner()
    result = runner.invoke(
        main,
        [
            "run",
            str(inputs),
            "--db",
            str(tmp_path / "c.db"),
            "--quiet",
            "--out",
            str(out / "e.csv"),
            "--out",
            str(out / "e.geojson"),
            "--out",
            str(out / "e.jsonl"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "binary.txt" in result.output  # reported by name (stderr is mixed in by CliRunner)
    header = next(csv.reader((out / "e.csv").open(encoding="utf-8")))
    assert tuple(header[: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    geo = json.loads((out / "e.geojson").read_text(encoding="utf-8"))
    assert geo["type"] == "FeatureCollection" and geo["features"]
    lines = (out / "e.jsonl").read_text(encoding="utf-8").splitlines()
    assert all(json.loads(line)["evidence"] for line in lines)

    listed = runner.invoke(main, ["events", "--db", str(tmp_path / "c.db"), "--country", "Nigeria"])
    assert listed.exit_code == 0 and "Nigeria" in listed.output
    event_id = json.loads(lines[0])["event_id"]
    explained = runner.invoke(main, ["explain", "--db", str(tmp_path / "c.db"), event_id])
    assert explained.exit_code == 0 and "←" in explained.output
    missing = runner.invoke(main, ["explain", "--db", str(tmp_path / "c.db"), "nope"])
    assert missing.exit_code != 0 and "No event" in missing.output


def test_unknown_export_suffix_is_a_clear_error(inputs: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "run",
            str(inputs / "story.txt"),
            "--db",
            str(tmp_path / "x.db"),
            "--quiet",
            "--out",
            str(tmp_path / "e.xlsx"),
        ],
    )
    assert result.exit_code != 0
    assert ".csv" in result.output


def _commands(group: click.Group) -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    for name, command in group.commands.items():
        found.append((name, command))
        if isinstance(command, click.Group):
            found += [(f"{name} {sub}", c) for sub, c in _commands(command)]
    return found


@pytest.mark.parametrize(("name", "command"), _commands(main))
def test_every_command_and_option_has_help(name: str, command: click.Command) -> None:
    assert command.help, f"`wirewatch {name}` has no help text"
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"`wirewatch {name} {param.opts[0]}` has no help text"


def test_python_api_extract_can_be_called_twice() -> None:
    """Loading the engine imports the `wirewatch.extract` module; the API name must stay the function."""
    import wirewatch

    text = "On 3 May 2020, gunmen killed two soldiers in Kirkuk, police said."
    first = wirewatch.extract(text, published="2020-05-04")
    second = wirewatch.extract(text, published="2020-05-04")
    assert callable(wirewatch.extract)
    assert [e.to_dict() for e in first] == [e.to_dict() for e in second]
    assert first
