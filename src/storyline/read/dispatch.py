"""read: turn files, folders and archives into raw records, one per input document.

``read_paths`` walks what it is given (folders recursively, in sorted order, hidden
files and manifests left out), opens ``.zip``/``.tar``/``.tar.gz`` archives, and picks a
reader per file by content as well as extension (see ``detect.detect_kind``). Every input
becomes either a ``RawRecord`` or a ``Skipped`` with a one-line reason; nothing raises
and the iteration always goes on. Memory stays bounded: one file (or archive member)
at a time, archives and WARC files streamed.
"""

from __future__ import annotations

import gzip
import io
import os
import tarfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO

from ..types import RawRecord, Skipped
from .decode import decode, looks_binary
from .detect import detect_kind, is_hidden, is_project_file
from .exports import read_csv, read_jsonl
from .feeds import read_feed
from .manifest import is_manifest
from .records import label_of, make_record, one_line
from .warc import read_warc

__all__ = ["list_inputs", "read_bytes", "read_paths"]

_MAX_DEPTH = 3  # archives inside archives
_STREAMED_EXT = (".zip", ".tar", ".tar.gz", ".tgz", ".warc", ".warc.gz")

Result = RawRecord | Skipped


def read_paths(paths: Iterable[str | Path], max_bytes: int) -> Iterator[Result]:
    """Raw records (or reasons for skipping) for every document under ``paths``."""
    for given in paths:
        path = Path(given)
        try:
            if path.is_dir():
                yield from _read_dir(path, max_bytes)
            elif path.is_file():
                yield from _read_file(path, max_bytes)
            elif path.exists():
                yield Skipped(label_of(path), "not a regular file or folder")
            else:
                yield Skipped(label_of(path), "no such file or folder")
        except OSError as exc:
            yield Skipped(label_of(path), f"cannot read: {one_line(exc.strerror or exc)}")


def list_inputs(paths: Iterable[str | Path]) -> Iterator[str | Skipped]:
    """The files ``read_paths`` would read, in its order (folders expanded), so that
    the work can be split into chunks that read back in the same order."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files, skipped = _list_dir(path)
            yield from skipped
            yield from (str(f) for f in files)
        else:
            yield str(path)


def _list_dir(root: Path) -> tuple[list[Path], list[Skipped]]:
    errors: list[OSError] = []
    files: list[Path] = []
    links: list[Skipped] = []
    inside = root.resolve()
    for folder, dirs, names in os.walk(root, onerror=errors.append):
        dirs[:] = [d for d in dirs if not is_hidden(d)]
        for d in dirs:  # os.walk does not descend into linked folders: say so
            if (Path(folder) / d).is_symlink():
                links.append(Skipped(label_of(Path(folder) / d), "symbolic link to a folder, not followed"))
        for name in names:
            file = Path(folder) / name
            if is_hidden(name):
                continue
            if file.is_symlink() and not file.resolve().is_relative_to(inside):
                links.append(Skipped(label_of(file), "symbolic link to outside the folder, not followed"))
            else:
                files.append(file)
    skipped = [
        Skipped(label_of(exc.filename or root), f"cannot list folder: {one_line(exc.strerror or exc)}")
        for exc in errors
    ]
    kept = [f for f in sorted(files) if not (is_manifest(f) or is_project_file(f.name))]
    return kept, skipped + sorted(links, key=lambda s: s.path)


def _read_dir(root: Path, max_bytes: int) -> Iterator[Result]:
    files, skipped = _list_dir(root)
    yield from skipped
    for file in files:
        try:
            yield from _read_file(file, max_bytes)
        except OSError as exc:
            yield Skipped(label_of(file), f"cannot read: {one_line(exc.strerror or exc)}")


def _read_file(path: Path, max_bytes: int) -> Iterator[Result]:
    label = label_of(path)
    size = path.stat().st_size
    if size == 0:
        yield Skipped(label, "empty file")
        return
    streamed = label.lower().endswith(_STREAMED_EXT)
    if size > max_bytes and not streamed:
        yield Skipped(label, f"file is {size} bytes, over the limit of {max_bytes} (max_file_bytes)")
        return
    with path.open("rb") as stream:
        head = stream.read(4096)
        kind = detect_kind(head, label)
        stream.seek(0)
        if kind in ("zip", "tar", "gzip", "warc"):
            yield from _guard(label, _read_stream(label, stream, kind, max_bytes, 0))
            return
        if size > max_bytes:
            yield Skipped(label, f"file is {size} bytes, over the limit of {max_bytes} (max_file_bytes)")
            return
        data = stream.read()
    yield from read_bytes(label, data, max_bytes)


def read_bytes(label: str, data: bytes, max_bytes: int, depth: int = 0) -> Iterator[Result]:
    """Records from one input already in memory (an archive member, a fetched page)."""
    yield from _guard(label, _read_blob(label, data, max_bytes, depth))


def _guard(label: str, results: Iterator[Result]) -> Iterator[Result]:
    """Turn any unexpected error of a reader into a Skipped, so the batch goes on."""
    try:
        yield from results
    except Exception as exc:  # noqa: BLE001 - a reader must never stop the batch
        yield Skipped(label, f"unreadable ({type(exc).__name__}: {one_line(exc)})")


def _read_blob(label: str, data: bytes, max_bytes: int, depth: int) -> Iterator[Result]:
    if not data.strip():
        yield Skipped(label, "empty file")
        return
    if len(data) > max_bytes:
        yield Skipped(label, f"{len(data)} bytes, over the limit of {max_bytes} (max_file_bytes)")
        return
    kind = detect_kind(data, label)
    if kind in ("zip", "tar", "gzip", "warc"):
        yield from _read_stream(label, io.BytesIO(data), kind, max_bytes, depth)
        return
    reason = looks_binary(data)
    if reason:
        yield Skipped(label, reason)
        return
    if kind == "jsonl":
        yield from read_jsonl(label, data)
    elif kind == "csv":
        yield from read_csv(label, data)
    elif kind == "feed":
        yield from read_feed(label, data)
    else:
        _, encoding = decode(data[:65536] if kind == "html" else data)
        yield make_record(label, data, kind, {"encoding": encoding})


def _read_stream(
    label: str, stream: IO[bytes], kind: str, max_bytes: int, depth: int
) -> Iterator[Result]:
    if depth >= _MAX_DEPTH:
        yield Skipped(label, f"archive nested more than {_MAX_DEPTH} deep")
        return
    if kind == "warc":
        yield from read_warc(label, stream, max_bytes)
    elif kind == "zip":
        yield from _read_zip(label, stream, max_bytes, depth)
    elif kind == "tar":
        yield from _read_tar(label, stream, "r:", max_bytes, depth)
    else:
        yield from _read_gzip(label, stream, max_bytes, depth)


def _member_label(label: str, name: str) -> str:
    return f"{label}/{name.lstrip('/')}"


def _unsafe_name(name: str) -> str | None:
    """Why an archive member's name is refused (it climbs out with ``..``), else None."""
    if ".." in name.replace("\\", "/").split("/"):
        return "archive member name contains '..', not read"
    return None


def _tar_refusal(info: tarfile.TarInfo) -> str | None:
    """Why a tar member that is not a plain file is not read (folders pass silently)."""
    if info.issym() or info.islnk():
        return f"tar link to {one_line(info.linkname, 80)!r}, not followed"
    if info.isdev():
        return "tar device or pipe entry, not read"
    return None


def _read_zip(label: str, stream: IO[bytes], max_bytes: int, depth: int) -> Iterator[Result]:
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        yield Skipped(label, f"unreadable zip archive: {one_line(exc)}")
        return
    with archive:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            member = _member_label(label, info.filename)
            if reason := _unsafe_name(info.filename):
                yield Skipped(member, reason)
                continue
            if info.is_dir() or is_hidden(info.filename) or is_manifest(Path(info.filename)):
                continue
            if info.file_size > max_bytes:
                yield Skipped(member, f"{info.file_size} bytes, over the limit of {max_bytes}")
                continue
            try:
                with archive.open(info) as fh:
                    data = fh.read(max_bytes + 1)
            except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError) as exc:
                yield Skipped(member, f"unreadable zip member: {one_line(exc)}")
                continue
            yield from read_bytes(member, data, max_bytes, depth + 1)


def _read_tar(
    label: str, stream: IO[bytes], mode: str, max_bytes: int, depth: int
) -> Iterator[Result]:
    try:
        archive = tarfile.open(fileobj=stream, mode=mode)  # type: ignore[call-overload]  # noqa: SIM115
    except (tarfile.TarError, OSError, EOFError) as exc:
        yield Skipped(label, f"unreadable tar archive: {one_line(exc)}")
        return
    with archive:
        try:
            members = sorted(archive.getmembers(), key=lambda m: m.name)
        except (tarfile.TarError, OSError, EOFError) as exc:
            yield Skipped(label, f"unreadable tar archive: {one_line(exc)}")
            return
        for info in members:
            member = _member_label(label, info.name)
            if reason := _unsafe_name(info.name):
                yield Skipped(member, reason)
                continue
            if is_hidden(info.name) or is_manifest(Path(info.name)):
                continue
            if reason := _tar_refusal(info):
                yield Skipped(member, reason)
                continue
            if not info.isfile():
                continue
            if info.size > max_bytes:
                yield Skipped(member, f"{info.size} bytes, over the limit of {max_bytes}")
                continue
            try:
                fh = archive.extractfile(info)
                data = fh.read(max_bytes + 1) if fh else b""
            except (tarfile.TarError, OSError, EOFError) as exc:
                yield Skipped(member, f"unreadable tar member: {one_line(exc)}")
                continue
            yield from read_bytes(member, data, max_bytes, depth + 1)


def _read_gzip(label: str, stream: IO[bytes], max_bytes: int, depth: int) -> Iterator[Result]:
    """A ``.tar.gz`` archive, or one gzipped document."""
    try:
        with gzip.GzipFile(fileobj=stream) as gz:
            head = gz.read(512)
    except (OSError, EOFError) as exc:
        yield Skipped(label, f"unreadable gzip file: {one_line(exc)}")
        return
    stream.seek(0)
    if len(head) >= 262 and head[257:262] == b"ustar":
        yield from _read_tar(label, stream, "r:gz", max_bytes, depth)
        return
    try:
        with gzip.GzipFile(fileobj=stream) as gz:
            data = gz.read(max_bytes + 1)
    except (OSError, EOFError) as exc:
        yield Skipped(label, f"unreadable gzip file: {one_line(exc)}")
        return
    inner = label[:-3] if label.lower().endswith(".gz") else label
    for result in read_bytes(inner, data, max_bytes, depth + 1):
        if result.path.startswith(inner):
            result = replace(result, path=label + result.path[len(inner) :])
        yield result
