"""Errors a user can act on.

Every error wirewatch raises on purpose derives from `WirewatchError` and carries a numbered
message (``[W101] ...``) that says what went wrong and what to do, so it can be searched for and
pinned in tests::

    WirewatchError
    ├── InputError        an input file or record that cannot be read (batch goes on)
    ├── GazetteerError    the gazetteer index is missing or corrupt (names the build command)
    ├── ModelError        the NLP model is not installed (names the install command)
    ├── StoreError        the database cannot be opened or written
    └── EvaluateError     gold or prediction files that cannot be scored
"""

from __future__ import annotations


class WirewatchError(Exception):
    """Base class for errors raised by wirewatch on purpose."""

    code = "W000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")


class InputError(WirewatchError):
    code = "W101"


class GazetteerError(WirewatchError):
    code = "W201"


class ModelError(WirewatchError):
    code = "W301"


class StoreError(WirewatchError):
    code = "W401"


class EvaluateError(WirewatchError):
    code = "W501"
