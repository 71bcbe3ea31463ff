"""wirewatch: news stories about armed conflict in, a sourced, geocoded event dataset out."""

from __future__ import annotations

__version__ = "0.1.0"
