"""Readers that turn whatever a user points wirewatch at into `Document`s.

Inputs come from people's disks, feeds and archives, so every reader assumes the worst: a file that
cannot be read, decoded or parsed becomes a `Skipped` that names it and says what to do, and the
batch goes on. Nothing here decides whether a story is relevant or English enough: that is the
engine's call, so we only flag the language.

Every reader ends in `ingest_text.document_from_text`, which normalises the text and hashes it into
the `doc_id`, so the same story read twice, from anywhere, gets the same id.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import sys
import tarfile
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from wirewatch.errors import InputError
from wirewatch.ingest_text import (
    Header,
    coerce_date,
    document_from_text,
    guess_language,
    normalise_text,
    parse_header,
)
from wirewatch.models import Document, Skipped

__all__ = [
    "Header",
    "document_from_text",
    "guess_language",
    "normalise_text",
    "parse_header",
    "read_inputs",
]

TEXT_SUFFIXES = (".txt", ".text")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
JSON_SUFFIXES = (".json",)
HTML_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
ARCHIVE_SUFFIXES = (".zip", ".tar.gz", ".tgz", ".tar")
SUPPORTED_SUFFIXES = (
    TEXT_SUFFIXES
    + JSONL_SUFFIXES
    + JSON_SUFFIXES
    + HTML_SUFFIXES
    + FEED_SUFFIXES
    + ARCHIVE_SUFFIXES
)
STDIN = "-"

# An archive of a whole corpus is fine; an archive that claims a million members is an attack or
# a mistake, and either way we should not walk it.
MAX_ARCHIVE_MEMBERS = 100_000

_SUPPORTED_TEXT = ", ".join(SUPPORTED_SUFFIXES)
_KINDS = {
    **dict.fromkeys(TEXT_SUFFIXES, "text"),
    **dict.fromkeys(JSONL_SUFFIXES, "jsonl"),
    **dict.fromkeys(JSON_SUFFIXES, "json"),
    **dict.fromkeys(HTML_SUFFIXES, "html"),
}
# What a corrupt archive or member can raise; zlib's error is not an OSError.
_ARCHIVE_ERRORS = (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError, zlib.error)

# fmt: off
_BLOCK_TAGS = frozenset((
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "blockquote", "section", "article", "header", "footer", "pre",
))
# fmt: on
_CHARSET = re.compile(rb"""(?:encoding|charset)\s*=\s*["']?([A-Za-z0-9_.:\-]+)""", re.I)


# ---------------------------------------------------------------------------------------------
# Public API


def read_inputs(
    paths: Sequence[str], *, max_bytes: int = 20_000_000
) -> Iterator[Document | Skipped]:
    """Every story in `paths`, in order, with a `Skipped` for each input that could not be used.

    Lazy, so a large folder or archive is never held in memory at once.
    """
    for raw in paths:
        if raw == STDIN:
            yield from _read_stdin(max_bytes)
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _read_folder(path, max_bytes)
        elif path.exists():
            yield from _read_path(path, max_bytes, explicit=True)
        else:
            yield Skipped(raw, f"no such file or folder: {raw}; check the path")


# ---------------------------------------------------------------------------------------------
# Bytes to text


def _decode(data: bytes, origin: str, *, declared: bool = False) -> str | Skipped:
    """Text from bytes, or the reason it is not text, in words a user can act on."""
    if not data.strip():
        return Skipped(origin, f"{origin} is empty; remove it or add the story text")
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _check_text(data.decode(codec), origin)
            except UnicodeDecodeError:
                return _not_utf8(
                    origin, f"it starts with a {codec} byte-order mark but is not {codec}"
                )
    if b"\x00" in data:
        return _binary(origin, "it contains NUL bytes")
    try:
        return _check_text(data.decode("utf-8"), origin)
    except UnicodeDecodeError as exc:
        error = exc
    if declared:
        found = _CHARSET.search(data[:2048])
        if found:
            try:
                return _check_text(data.decode(found.group(1).decode("ascii")), origin)
            except (LookupError, UnicodeDecodeError):
                pass
    bad = data[error.start]
    return _not_utf8(origin, f"byte 0x{bad:02x} at offset {error.start} is not UTF-8")


def _binary(origin: str, why: str) -> Skipped:
    return Skipped(
        origin,
        f"{origin} looks like a binary file ({why}), not a story; give text, "
        f"JSON lines, HTML or a feed ({_SUPPORTED_TEXT})",
    )


def _not_utf8(origin: str, detail: str) -> Skipped:
    return Skipped(origin, f"{origin} is not valid UTF-8 ({detail}); re-save it as UTF-8")


def _check_text(text: str, origin: str) -> str | Skipped:
    sample = text[:20000]
    odd = sum(
        1
        for ch in sample
        if (unicodedata.category(ch) in ("Cc", "Co", "Cs") and ch not in "\n\r\t") or ch == "\ufffd"
    )
    if sample and odd / len(sample) > 0.05:
        return _binary(origin, "it is mostly non-text characters")
    if not text.strip():
        return Skipped(origin, f"{origin} is empty; remove it or add the story text")
    return text


def _suffix(name: str) -> str:
    lower = name.lower()
    for double in (".tar.gz",):
        if lower.endswith(double):
            return double
    return os.path.splitext(lower)[1]


def _sniff(text: str) -> str:
    """A reader name for content whose file name says nothing useful."""
    head = text.lstrip()[:2000].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("["):
        return "json"
    if "<rss" in head or "<feed" in head or "<rdf:rdf" in head:
        return "feed"
    if "<html" in head or "<!doctype html" in head or "<body" in head:
        return "html"
    return "text"


# ---------------------------------------------------------------------------------------------
# Readers over bytes


def _read_bytes(
    name: str, data: bytes, origin: str, max_bytes: int, *, depth: int, explicit: bool
) -> Iterator[Document | Skipped]:
    """Dispatch one file's bytes on its suffix; `depth` counts the archives we are inside."""
    suffix = _suffix(name)
    if len(data) > max_bytes:
        yield _too_big(origin, len(data), max_bytes)
        return
    if suffix in ARCHIVE_SUFFIXES:
        if depth >= 2:
            yield Skipped(
                origin,
                f"{origin} is an archive inside an archive inside an archive; "
                "wirewatch opens one level of nesting only: unpack it first",
            )
            return
        yield from _read_archive(io.BytesIO(data), name, origin, max_bytes, depth=depth + 1)
        return
    if suffix in FEED_SUFFIXES:
        yield from _read_feed(data, origin)
        return
    kind = _KINDS.get(suffix)
    if kind is None and not explicit:
        yield Skipped(
            origin,
            f"unsupported file type {suffix or '(no suffix)'!r}; wirewatch reads "
            f"{_SUPPORTED_TEXT}: convert it or leave it out",
        )
        return
    text = _decode(data, origin, declared=suffix in HTML_SUFFIXES)
    if isinstance(text, Skipped):
        yield text
        return
    if kind is None:
        kind = _sniff(text)
        if kind == "feed":
            yield from _read_feed(data, origin)
            return
    if kind == "text":
        yield _text_story(text, origin)
    elif kind == "jsonl":
        yield from _read_jsonl(text, origin)
    elif kind == "json":
        yield from _read_json(text, origin)
    else:
        yield _read_html(text, origin)


def _too_big(origin: str, size: int, max_bytes: int) -> Skipped:
    return Skipped(
        origin,
        f"{origin} is {size:,} bytes, over the {max_bytes:,}-byte limit; split it into "
        "smaller files or raise max_bytes",
    )


def _text_story(text: str, origin: str) -> Document | Skipped:
    try:
        return document_from_text(text, origin=origin)
    except InputError as exc:
        return Skipped(origin, str(exc))


def _read_jsonl(text: str, origin: str) -> Iterator[Document | Skipped]:
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skipped(where, f"line {lineno} is not valid JSON ({exc.msg}); fix or remove it")
            continue
        yield _from_record(record, where)


def _read_json(text: str, origin: str) -> Iterator[Document | Skipped]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        # Many ".json" files are really JSON lines.
        yield from _read_jsonl(text, origin)
        return
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records, start=1):
        yield _from_record(record, f"{origin}[{index}]" if isinstance(data, list) else origin)


def _from_record(record: Any, where: str) -> Document | Skipped:
    if not isinstance(record, dict):
        return Skipped(where, 'expected a JSON object like {"text": "..."}; fix or remove it')
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Skipped(where, 'no story text: every record needs a non-empty "text" string')
    ref = record.get("id")
    try:
        return document_from_text(
            text,
            published=record.get("published") or None,
            title=record.get("title"),
            url=record.get("url"),
            publisher=record.get("publisher"),
            ref=str(ref) if ref is not None else None,
            origin=where,
        )
    except InputError as exc:
        return Skipped(where, f'"published": {exc}')


def _read_html(text: str, origin: str) -> Document | Skipped:
    import trafilatura  # slow to import; only pay for it when there is HTML

    title = url = published = None
    body = ""
    try:
        result = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    except (ValueError, TypeError, AttributeError):
        result = None
    if result is not None and not isinstance(result, dict):
        body = result.text or ""
        title, url, published = result.title, result.url, result.date
    if not body.strip() or not title:
        fallback_title, fallback_text = _html_fallback(text)
        title = title or fallback_title
        body = body if body.strip() else fallback_text
    if not body.strip():
        return Skipped(
            origin, f"{origin} has no readable text in its HTML; check it is a story page"
        )
    try:
        when = coerce_date(published) if published else None
    except InputError:
        when = None
    try:
        return document_from_text(body, published=when, title=title, url=url, origin=origin)
    except InputError as exc:
        return Skipped(origin, str(exc))


def _html_fallback(markup: str) -> tuple[str | None, str]:
    """Title and visible text by lxml alone, for pages trafilatura finds too short to extract."""
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(markup.encode("utf-8"))
    except (lxml.etree.ParserError, ValueError):
        return None, ""
    titles = tree.xpath("//title/text()")
    title = str(titles[0]).strip() if titles else None
    bodies = tree.xpath("//body")
    return title or None, _element_text(bodies[0] if bodies else tree)


def _element_text(root: Any) -> str:
    """Visible text of an lxml element with block elements on their own lines."""
    import lxml.etree

    for bad in root.xpath(".//script|.//style|.//noscript|.//template"):
        bad.drop_tree()
    parts: list[str] = []
    for event, node in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if node.text and tag:
                parts.append(node.text)
            continue
        if tag in _BLOCK_TAGS:
            parts.append("\n")
        if node.tail and node is not root:
            parts.append(node.tail)
    return "".join(parts)


def _strip_html(fragment: str) -> str:
    import lxml.etree
    import lxml.html

    if "<" not in fragment:
        return fragment
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return fragment
    return _element_text(root)


def _read_feed(data: bytes, origin: str) -> Iterator[Document | Skipped]:
    import feedparser

    if not data.strip():
        yield Skipped(origin, f"{origin} is empty; remove it or add the story text")
        return
    parsed = feedparser.parse(io.BytesIO(data))
    entries = list(parsed.entries)
    if not entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({problem})" if problem else ""
        yield Skipped(
            origin,
            f"{origin} is not a readable RSS/Atom feed or has no entries{detail}; "
            "check the file, or give the stories as .txt or .jsonl",
        )
        return
    publisher = parsed.feed.get("title") or None
    for index, entry in enumerate(entries, start=1):
        where = f"{origin}#{index}"
        title = _strip_html(entry.get("title") or "").strip()
        bodies = [c.get("value") or "" for c in entry.get("content") or ()]
        bodies.append(entry.get("summary") or "")
        body = _strip_html(max(bodies, key=len)).strip()
        if not (title or body):
            yield Skipped(where, f"feed entry {index} has no title or text; nothing to read")
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = date(*stamp[:3]) if stamp else None
        both = title and body and not body.startswith(title)
        text = f"{title}\n\n{body}" if both else body or title
        try:
            yield document_from_text(
                text,
                published=published,
                title=title or None,
                url=entry.get("link"),
                publisher=publisher,
                ref=entry.get("id"),
                origin=where,
            )
        except InputError as exc:
            yield Skipped(where, str(exc))


# ---------------------------------------------------------------------------------------------
# Paths, folders, archives, stdin


def _read_path(path: Path, max_bytes: int, *, explicit: bool) -> Iterator[Document | Skipped]:
    origin = str(path)
    try:
        if _suffix(path.name) in ARCHIVE_SUFFIXES:
            # Streamed member by member, so a large corpus archive is fine; members are capped.
            with path.open("rb") as handle:
                yield from _read_archive(handle, path.name, origin, max_bytes, depth=1)
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield _too_big(origin, size, max_bytes)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Skipped(
            origin,
            f"cannot read {origin} ({exc.strerror or exc}); check it exists and you may read it",
        )
        return
    yield from _read_bytes(path.name, data, origin, max_bytes, depth=0, explicit=explicit)


def _read_folder(root: Path, max_bytes: int) -> Iterator[Document | Skipped]:
    """Every file under `root`, sorted; hidden files and folders (".git") are left alone."""
    walked: list[Path] = []
    problems: list[OSError] = []
    for folder, dirnames, filenames in os.walk(root, onerror=problems.append, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        walked.extend(Path(folder) / f for f in filenames if not f.startswith("."))
    for problem in problems:
        where = str(problem.filename or root)
        yield Skipped(
            where,
            f"cannot read the folder {where} ({problem.strerror or problem}); "
            "check you may read it",
        )
    for path in sorted(walked):
        yield from _read_path(path, max_bytes, explicit=False)


def _read_archive(
    handle: Any, name: str, origin: str, max_bytes: int, *, depth: int
) -> Iterator[Document | Skipped]:
    """Members of a zip or tar read in memory, never extracted, each under `max_bytes`."""
    try:
        with _open_archive(handle, name) as members:
            if len(members) > MAX_ARCHIVE_MEMBERS:
                yield Skipped(
                    origin,
                    f"{origin} has {len(members):,} members, over {MAX_ARCHIVE_MEMBERS:,}; "
                    "split it into smaller archives",
                )
                return
            for member_name, size, read in sorted(members, key=lambda m: m[0]):
                where = f"{origin}:{member_name}"
                if size > max_bytes:
                    yield _too_big(where, size, max_bytes)
                    continue
                try:
                    data = read(max_bytes + 1)
                except (*_ARCHIVE_ERRORS, RuntimeError, NotImplementedError) as exc:
                    yield Skipped(where, f"cannot read {where} ({exc}); re-create the archive")
                    continue
                yield from _read_bytes(
                    member_name, data, where, max_bytes, depth=depth, explicit=False
                )
    except (*_ARCHIVE_ERRORS, ValueError) as exc:
        yield Skipped(
            origin,
            f"{origin} is not a readable archive ({exc}); check it or unpack it into a folder",
        )


_Member = tuple[str, int, Callable[[int], bytes]]


@contextmanager
def _open_archive(handle: Any, name: str) -> Iterator[list[_Member]]:
    """(name, size, read) for each story-like member; folders, links and OS litter left out."""
    if _suffix(name) == ".zip":
        with zipfile.ZipFile(handle) as archive:

            def read_zip(info: zipfile.ZipInfo, limit: int) -> bytes:
                with archive.open(info) as member:
                    return member.read(limit)

            yield [
                (i.filename, i.file_size, partial(read_zip, i))
                for i in archive.infolist()
                if not i.is_dir() and not _litter(i.filename)
            ]
        return
    with tarfile.open(fileobj=handle, mode="r:*") as tar:

        def read_tar(info: tarfile.TarInfo, limit: int) -> bytes:
            stream = tar.extractfile(info)
            if stream is None:
                return b""
            with stream:
                return stream.read(limit)

        yield [
            (m.name, m.size, partial(read_tar, m))
            for m in tar.getmembers()
            if m.isfile() and not _litter(m.name)
        ]


def _litter(member_name: str) -> bool:
    parts = member_name.replace("\\", "/").split("/")
    return any(p.startswith(".") or p == "__MACOSX" for p in parts if p)


def _read_stdin(max_bytes: int) -> Iterator[Document | Skipped]:
    origin = "<stdin>"
    if sys.stdin is None:
        yield Skipped(origin, "there is no standard input; pipe the stories in or give paths")
        return
    buffer = getattr(sys.stdin, "buffer", None)
    # A text-only stdin (a test harness's StringIO) has no bytes to give: take its text as UTF-8.
    data = buffer.read(max_bytes + 1) if buffer else sys.stdin.read(max_bytes + 1).encode()
    if len(data) > max_bytes:
        yield _too_big(origin, len(data), max_bytes)
        return
    text = _decode(data, origin)
    if isinstance(text, Skipped):
        yield text
    elif text.lstrip().startswith("{"):
        yield from _read_jsonl(text, origin)
    else:
        yield _text_story(text, origin)
