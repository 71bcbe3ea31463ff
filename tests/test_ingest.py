"""Readers: every supported input, and every bad input becoming a Skipped that names it."""

from __future__ import annotations

import io
import json
import sys
import tarfile
import zipfile
from datetime import date
from pathlib import Path

import pytest

from wirewatch.errors import InputError
from wirewatch.ingest import document_from_text, normalise_text, parse_header, read_inputs
from wirewatch.models import Document, Skipped

LEDE = (
    "Iranian-backed Iraqi militias have deployed in Syria to back the government's "
    "counteroffensive against a surprise advance by insurgents, a militia official said on Monday."
)
STORY = f"date 2024-12-02 Beirut, Dec 2 (AP) {LEDE}\n\nJets pounded rebel-held lines on Sunday."

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire Desk</title>
<item><title>Strikes hit Idlib</title><link>https://example.org/a</link>
<guid>a1</guid><pubDate>Mon, 02 Dec 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Jets &lt;b&gt;pounded&lt;/b&gt; rebel-held lines in Idlib,
the monitor said.&lt;/p&gt;</description></item>
<item><title>Militias deploy</title><link>https://example.org/b</link>
<pubDate>Sun, 01 Dec 2024 08:00:00 GMT</pubDate>
<description>Iraqi militias crossed into Syria overnight.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title><id>urn:x</id>
<updated>2024-12-02T00:00:00Z</updated>
<entry><title>Shelling in Kharkiv</title><id>urn:e1</id>
<link href="https://example.org/k"/><published>2024-12-03T06:00:00Z</published>
<updated>2024-12-03T06:00:00Z</updated>
<content type="html">&lt;p&gt;Russian shelling killed two people in Kharkiv,
officials said.&lt;/p&gt;</content>
</entry></feed>"""

HTML = f"""<!doctype html><html><head><title>Militias deploy in Syria</title>
<meta property="article:published_time" content="2024-12-02T09:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>Militias deploy in Syria</h1>
<p>{LEDE}</p><p>Government troops built a fortified defensive line in northern Hama in an
attempt to stall the insurgents' momentum while jets on Sunday pounded rebel-held lines.</p>
<p>Syria's military said that their airstrikes alongside Russia's killed 400 insurgents over the
past 24 hours, and that government forces were mobilising to encircle the rebels.</p>
<script>alert("x")</script></article></body></html>"""


def docs(items: list[Document | Skipped]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def skips(items: list[Document | Skipped]) -> list[Skipped]:
    return [i for i in items if isinstance(i, Skipped)]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# -- header and text -------------------------------------------------------------------------


def test_header_date_dateline_and_agency_leave_the_text(tmp_path: Path) -> None:
    [doc] = read_inputs([str(write(tmp_path / "s.txt", " " + STORY))])
    assert isinstance(doc, Document)
    assert doc.published == date(2024, 12, 2)
    assert doc.dateline == "Beirut"
    assert doc.publisher == "AP"
    assert doc.text.startswith("Iranian-backed Iraqi militias")
    assert "date 2024" not in doc.text and "(AP)" not in doc.text
    assert doc.language == "en"


@pytest.mark.parametrize(
    ("line", "place", "agency", "rest"),
    [
        ("BEIRUT (Reuters) - Israeli strikes hit", "Beirut", "Reuters", "Israeli strikes hit"),
        ("Beirut, Dec 2 (AP) Iranian-backed militias", "Beirut", "AP", "Iranian-backed militias"),
        ("KYIV, Ukraine (AP) — Russian drones struck", "Kyiv", "AP", "Russian drones struck"),
        ("GAZA CITY (AFP) - Strikes killed", "Gaza City", "AFP", "Strikes killed"),
        ("Insurgents (HTS) seized Aleppo", None, None, "Insurgents (HTS) seized Aleppo"),
        ("The United Nations (UN) said", None, None, "The United Nations (UN) said"),
    ],
)
def test_wire_datelines(line: str, place: str | None, agency: str | None, rest: str) -> None:
    header = parse_header(line)
    assert (header.dateline, header.publisher, header.rest, header.published) == (
        place,
        agency,
        rest,
        None,
    )


def test_header_with_date_only_and_no_date() -> None:
    assert parse_header("date 2024-12-02 Jets struck.").published == date(2024, 12, 2)
    doc = document_from_text("Jets struck the town, the monitor said.")
    assert doc.published is None and doc.dateline is None


def test_trailing_signoff_may_stay() -> None:
    doc = document_from_text("BEIRUT (AP) — Jets struck the town. (AP)")
    assert doc.text == "Jets struck the town. (AP)"


def test_normalisation_and_stable_id() -> None:
    messy = "Jets\u00a0\u00a0struck  the town.\r\nThe monitor\x07 said.\r\n\r\n\r\n\r\nMore."
    assert normalise_text(messy) == "Jets struck the town.\nThe monitor said.\n\nMore."
    assert normalise_text("Cafe\u0301") == "Café"
    a = document_from_text(messy)
    b = document_from_text("Jets struck the town.\nThe monitor said.\n\nMore.")
    assert a.doc_id == b.doc_id


def test_document_from_text_api() -> None:
    doc = document_from_text(LEDE, published="2024-12-02T10:00:00+00:00", title="T", ref="r1")
    assert doc.published == date(2024, 12, 2) and doc.title == "T" and doc.ref == "r1"
    assert document_from_text(LEDE, published=date(2024, 1, 5)).published == date(2024, 1, 5)
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        document_from_text(LEDE, published="yesterday")
    with pytest.raises(InputError, match="no text"):
        document_from_text("  \n ")


def test_language_flag_keeps_non_english() -> None:
    doc = document_from_text("Повстанцы захватили город Алеппо, сообщил наблюдатель.")
    assert doc.language == "und"
    assert document_from_text(LEDE).language == "en"


def test_script_text_is_kept_verbatim() -> None:
    doc = document_from_text('Jets struck. <script>alert("x")</script> "quoted", more')
    assert '<script>alert("x")</script>' in doc.text


# -- formats ---------------------------------------------------------------------------------


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "A1", "text": LEDE, "published": "2024-12-02", "publisher": "AP"}),
        "{not json",
        json.dumps({"id": 7, "text": "Shelling killed two.", "published": "2024-12-03T10:00:00Z"}),
        json.dumps({"id": "A3"}),
        "",
        json.dumps(["a list"]),
        json.dumps({"text": "Shelling.", "published": "someday"}),
    ]
    path = write(tmp_path / "stories.jsonl", "\n".join(lines))
    items = list(read_inputs([str(path)]))
    good, bad = docs(items), skips(items)
    assert [d.ref for d in good] == ["A1", "7"]
    assert good[0].published == date(2024, 12, 2) and good[0].publisher == "AP"
    assert good[1].published == date(2024, 12, 3)
    assert good[0].origin == f"{path}:1"
    assert [s.origin for s in bad] == [f"{path}:{n}" for n in (2, 4, 6, 7)]
    assert "not valid JSON" in bad[0].reason and '"text"' in bad[1].reason
    assert "published" in bad[3].reason


def test_html_page(tmp_path: Path) -> None:
    [doc] = read_inputs([str(write(tmp_path / "page.html", HTML))])
    assert isinstance(doc, Document)
    assert "Iranian-backed Iraqi militias" in doc.text and "400 insurgents" in doc.text
    assert "alert(" not in doc.text
    assert doc.title == "Militias deploy in Syria"


def test_short_html_falls_back_to_lxml(tmp_path: Path) -> None:
    page = "<html><head><title>Brief</title></head><body><p>Jets struck Idlib.</p></body></html>"
    [doc] = read_inputs([str(write(tmp_path / "brief.htm", page))])
    assert isinstance(doc, Document)
    assert doc.text == "Jets struck Idlib." and doc.title == "Brief"


def test_rss_feed(tmp_path: Path) -> None:
    items = list(read_inputs([str(write(tmp_path / "feed.rss", RSS))]))
    first, second = docs(items)
    assert first.title == "Strikes hit Idlib" and first.publisher == "Wire Desk"
    assert first.text.startswith("Strikes hit Idlib\n\nJets pounded rebel-held lines")
    assert "<b>" not in first.text
    assert first.published == date(2024, 12, 2) and first.url == "https://example.org/a"
    assert second.published == date(2024, 12, 1)


def test_atom_feed_sniffed_without_suffix(tmp_path: Path) -> None:
    [doc] = read_inputs([str(write(tmp_path / "atomfeed", ATOM))])
    assert isinstance(doc, Document)
    assert doc.publisher == "Atom Desk" and doc.published == date(2024, 12, 3)
    assert "killed two people in Kharkiv" in doc.text and doc.url == "https://example.org/k"


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    [skip] = read_inputs([str(write(tmp_path / "data.xml", "<root><a>1</a></root>"))])
    assert isinstance(skip, Skipped) and "feed" in skip.reason


def test_folder_recurses_sorted_and_skips_unsupported(tmp_path: Path) -> None:
    write(tmp_path / "b" / "two.txt", "Shelling killed two in Kharkiv.")
    write(tmp_path / "a.txt", STORY)
    write(tmp_path / "c" / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(tmp_path / ".git" / "config", "[core]")
    items = list(read_inputs([str(tmp_path)]))
    assert [Path(d.origin or "").name for d in docs(items)] == ["a.txt", "two.txt"]
    [skip] = skips(items)
    assert skip.origin.endswith("image.png") and "unsupported" in skip.reason


def test_zip_and_tar_archives(tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as nested:
        nested.writestr("deep.txt", "Clashes erupted in Hama.")
    zpath = tmp_path / "batch.zip"
    with zipfile.ZipFile(zpath, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("s/one.txt", STORY)
        archive.writestr("s/many.jsonl", json.dumps({"id": "J", "text": "Drones hit Kyiv."}))
        archive.writestr("__MACOSX/._one.txt", "junk")
        archive.writestr("notes.pdf", "%PDF")
        archive.writestr("inner.zip", inner.getvalue())
    items = list(read_inputs([str(zpath)]))
    got = docs(items)
    assert {d.text.split()[0] for d in got} == {"Clashes", "Drones", "Iranian-backed"}
    assert any(d.origin == f"{zpath}:inner.zip:deep.txt" for d in got)
    assert [s.origin for s in skips(items)] == [f"{zpath}:notes.pdf"]

    tpath = tmp_path / "batch.tar.gz"
    with tarfile.open(tpath, "w:gz") as tar:
        data = STORY.encode()
        info = tarfile.TarInfo("one.txt")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    [doc] = read_inputs([str(tpath)])
    assert isinstance(doc, Document) and doc.dateline == "Beirut"
    assert doc.origin == f"{tpath}:one.txt"


def test_nested_archives_beyond_one_level_are_skipped(tmp_path: Path) -> None:
    def zipped(name: str, data: bytes) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr(name, data)
        return buf.getvalue()

    level3 = zipped("l2.zip", zipped("l3.zip", zipped("story.txt", b"Jets struck.")))
    path = write(tmp_path / "l1.zip", level3)
    [skip] = read_inputs([str(path)])
    assert isinstance(skip, Skipped) and "one level" in skip.reason


def test_archive_member_over_limit_and_corrupt_archive(tmp_path: Path) -> None:
    path = tmp_path / "big.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("big.txt", "x " * 1000)
        archive.writestr("ok.txt", "Jets struck.")
    items = list(read_inputs([str(path)], max_bytes=500))
    assert [type(i).__name__ for i in items] == ["Skipped", "Document"]
    bad = write(tmp_path / "bad.zip", b"PK\x03\x04 this is not really a zip")
    [skip] = read_inputs([str(bad)])
    assert isinstance(skip, Skipped) and "archive" in skip.reason


def test_stdin_text_and_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode())))
    [doc] = read_inputs(["-"])
    assert isinstance(doc, Document) and doc.origin == "<stdin>" and doc.dateline == "Beirut"
    lines = "\n" + json.dumps({"id": "x", "text": "Jets struck."}) + "\nnope\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    items = list(read_inputs(["-"]))
    assert [type(i).__name__ for i in items] == ["Document", "Skipped"]
    monkeypatch.setattr(sys, "stdin", io.StringIO("Jets struck Hama."))
    [doc] = read_inputs(["-"])
    assert isinstance(doc, Document) and doc.text == "Jets struck Hama."


# -- bad inputs ------------------------------------------------------------------------------


def test_bad_files_are_skipped_by_name_and_the_batch_goes_on(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.txt", "")
    binary = write(tmp_path / "binary.txt", b"\x00\x01\x02\x03garbage\x00")
    latin1 = write(tmp_path / "latin1.txt", "Les forces ont frappé Alep.".encode("latin-1"))
    big = write(tmp_path / "big.txt", "word " * 400)
    good = write(tmp_path / "good.txt", STORY)
    missing = str(tmp_path / "missing.txt")
    paths = [str(p) for p in (empty, binary, latin1, big)] + [missing, str(good)]
    items = list(read_inputs(paths, max_bytes=1000))
    assert isinstance(items[-1], Document)
    reasons = {s.origin: s.reason for s in skips(items)}
    assert set(reasons) == set(paths[:-1])
    assert "empty" in reasons[str(empty)]
    assert "binary" in reasons[str(binary)]
    assert "re-save it as UTF-8" in reasons[str(latin1)] and str(latin1) in reasons[str(latin1)]
    assert "limit" in reasons[str(big)]
    assert "no such file" in reasons[missing]


def test_bom_and_utf16_are_read(tmp_path: Path) -> None:
    bom = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + STORY.encode())
    utf16 = write(tmp_path / "utf16.txt", STORY.encode("utf-16"))
    a, b = read_inputs([str(bom), str(utf16)])
    assert isinstance(a, Document) and isinstance(b, Document)
    assert a.doc_id == b.doc_id and a.published == date(2024, 12, 2)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "locked.txt", STORY)

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    # chmod does not stop root, who runs the tests in some containers, so refuse the read instead.
    monkeypatch.setattr(Path, "read_bytes", refuse)
    [skip] = read_inputs([str(path)])
    assert isinstance(skip, Skipped) and skip.origin == str(path)
    assert "Permission denied" in skip.reason


def test_same_story_twice_same_id(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", STORY)
    b = write(tmp_path / "b.jsonl", json.dumps({"text": STORY.replace("\n", "\r\n")}))
    first, second = read_inputs([str(a), str(b)])
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.doc_id == second.doc_id
