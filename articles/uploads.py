"""Uploaded files to page entries (a name and its bytes), one line for each that cannot be one.

A zip is read in memory, member by member: the member count, each member's size, its
compression ratio and the sum of all sizes are checked from the zip's directory before any
byte is decompressed, and each read is bounded (zipfile never yields more than a member's
declared size), so a zip bomb costs nothing and nothing is ever written to disk. Folders in
a zip are walked; a zip inside a zip is refused.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO

from articles.storage import MAX_BYTES

SUFFIXES = {".txt", ".md", ".text", ".markdown"}
MAX_MEMBERS = 1000  # a year of a daily's pages is ~ 3000: upload it in a few zips
MAX_INSIDE = 200 * 1024 * 1024  # bytes a zip may hold, all members together
MAX_RATIO = 100  # page text compresses 2-5 : 1; a bomb 1000 : 1
SMALL = 64 * 1024  # below this a high ratio is harmless (a page of blanks)
JUNK = ("__MACOSX/", ".DS_Store", "Thumbs.db")


@dataclass
class Entry:
    shown: str  # the name in the run record: "pages.zip/2020/2020-03-27_A1.txt"
    file_name: str  # the name the pipeline reads a date and page from
    data: bytes | None = None
    error: str | None = None


def plain(text: str) -> str:
    """A name fit for one line: control characters (a newline in a name) escaped."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in text)


def too_large(size: int) -> str:
    return f"文件过大（{size:,} 字节；一个版面最多 {MAX_BYTES:,} 字节）"


def entries(name: str, size: int, stream: IO[bytes]) -> Iterator[Entry]:
    """The page entries of one uploaded file: itself, or a zip's members."""
    name = plain(PurePosixPath(name.replace("\\", "/")).name) or "（无名文件）"
    suffix = PurePosixPath(name).suffix.lower()
    if suffix == ".zip":
        yield from _zip(name, size, stream)
    elif suffix not in SUFFIXES:
        yield Entry(name, name, error=_not_a_page(suffix))
    elif size > MAX_BYTES:
        yield Entry(name, name, error=too_large(size))
    else:
        yield Entry(name, name, data=stream.read(MAX_BYTES + 1))


def _not_a_page(suffix: str) -> str:
    return f"不是版面文件名（{suffix or '无扩展名'}；应为 .txt、.md、.text 或 .markdown，如 2020-03-27_A1.txt）"


def _zip(name: str, size: int, stream: IO[bytes]) -> Iterator[Entry]:
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError):
        yield Entry(name, name, error="不是有效的 zip 文件")
        return
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir() and not any(j in m.filename for j in JUNK)]
        inside = sum(m.file_size for m in members)
        if len(members) > MAX_MEMBERS:
            yield Entry(name, name, error=f"zip 内有 {len(members):,} 个文件，一次最多 {MAX_MEMBERS:,} 个；请分批上传")
            return
        if inside > MAX_INSIDE or (inside > SMALL and inside > MAX_RATIO * max(size, 1)):
            yield Entry(name, name, error=f"疑似 zip 炸弹：{size:,} 字节的 zip 声称解压后有 {inside:,} 字节；未解压")
            return
        for member in members:
            yield _member(archive, name, member)


def _member_name(member: zipfile.ZipInfo) -> str:
    """The member's path; a name a Windows zip tool wrote in GBK without the UTF-8 flag read as GBK."""
    if member.flag_bits & 0x800:
        return member.filename
    try:
        return member.filename.encode("cp437").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return member.filename


def _member(archive: zipfile.ZipFile, zip_name: str, member: zipfile.ZipInfo) -> Entry:
    path = plain(_member_name(member))
    entry = Entry(f"{zip_name}/{path}", PurePosixPath(path).name)
    suffix = PurePosixPath(path).suffix.lower()
    if suffix == ".zip":
        entry.error = "zip 里的 zip 不解压；请单独上传"
    elif suffix not in SUFFIXES:
        entry.error = _not_a_page(suffix)
    elif member.flag_bits & 0x1:
        entry.error = "加密的文件，无法读取"
    elif member.file_size > MAX_BYTES:
        entry.error = too_large(member.file_size)
    elif member.file_size > SMALL and member.file_size > MAX_RATIO * max(member.compress_size, 1):
        entry.error = f"疑似 zip 炸弹：{member.compress_size:,} 字节解压后为 {member.file_size:,} 字节；未解压"
    else:
        try:
            with archive.open(member) as fh:
                entry.data = fh.read(MAX_BYTES + 1)
        except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError, OSError) as exc:
            entry.error = f"zip 中的文件已损坏，无法解压（{type(exc).__name__}）"
    return entry
