"""Killing `storyline add` (kill -9) mid-batch leaves a consistent database; a rerun finishes."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ARTICLES = 60  # killed once 8 are stored (batches of 4): the rerun adds the rest


def _write_corpus(folder: Path, sample: str) -> None:
    sentences = [s for s in sample.splitlines()[1:] if s.strip()]
    for i in range(ARTICLES):
        body = "\n".join(sentences[(i + k) % len(sentences)] for k in range(4))
        (folder / f"{i:04d}.txt").write_text(f"Report number {i}\n\nItem {i}. {body}\n", encoding="utf-8")


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def _add(folder: Path, db: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "STORYLINE_BATCH_SIZE": "4"}
    return subprocess.Popen(
        [sys.executable, "-m", "storyline", "--db", str(db), "add", str(folder), "--published", "2019-06-23"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )


def test_kill_9_mid_batch_then_rerun(tmp_path: Path, sample_texts: dict[str, str]) -> None:
    folder, db = tmp_path / "in", tmp_path / "crash.db"
    folder.mkdir()
    _write_corpus(folder, sample_texts["000"])

    proc = _add(folder, db)
    deadline = time.monotonic() + 120
    while _count(db) < 8 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    _, err = proc.communicate()
    assert proc.returncode == -signal.SIGKILL, f"add ended before it could be killed: {err.decode()}"

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        partial = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        assert 0 < partial < ARTICLES
        orphans = conn.execute(
            """SELECT COUNT(*) FROM articles a WHERE NOT EXISTS
               (SELECT 1 FROM sentences s WHERE s.article_id = a.id)
               OR NOT EXISTS (SELECT 1 FROM raw_inputs r WHERE r.sha256 = a.raw_sha256)"""
        ).fetchone()[0]
        assert orphans == 0

    rerun = _add(folder, db)
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err.decode()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == ARTICLES
        assert conn.execute("SELECT COUNT(DISTINCT content_hash) FROM articles").fetchone()[0] == ARTICLES
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
