"""Shared fixtures: the gold data folder (skipped with a reason where absent) and a tmp store."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("WIREWATCH_SHARED", Path(__file__).resolve().parents[2] / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "seed").is_dir():
        pytest.skip(f"gold data folder {SHARED} is absent (it is not redistributed with wirewatch)")
    return SHARED
