"""The encrypted laptop file: ``planner encrypt``, the key, and every path that reads the file.

Each test has its own database and an empty in-memory keychain (tests/conftest.py).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from urllib.parse import quote

import pytest

from planner.cli import main
from planner.db.cipher import (
    KEY_ENV,
    KEYCHAIN_ENTRY,
    KEYCHAIN_SERVICE,
    SQLITE_MAGIC,
    looks_encrypted,
)
from planner.db.location import URL_ENV
from planner.db.rotation import list_backups, make_backup, remove_leftovers
from tests.db.helpers import digest, make_database
from tests.fixtures.keychain import MemoryKeyring
from tests.fixtures.sample import make_sample

#: A name in the sample data: readable in a plain file, in no encrypted one.
VISITOR = b"Tanaka"
#: Quotes: the key is quoted, never pasted raw; kanji: the same UTF-8 bytes on every path.
KEY = "correct horse 'battery\" staple 鍵"


def _run(capfd: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    # capfd, not capsys: SQLCipher's C library writes to the process's stderr itself.
    code = main(list(argv))
    out, err = capfd.readouterr()
    return code, out, err


def _one_line(err: str) -> None:
    assert err.count("\n") == 1 and err.startswith("planner: error: "), err
    assert "Traceback" not in err and "ERROR CORE" not in err


def _plain_copies(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and VISITOR in p.read_bytes()]


@pytest.fixture
def plain_db(db_path: Path) -> Path:
    make_database(db_path)
    make_backup(db_path, "auto")
    return db_path


@pytest.fixture
def encrypted_db(
    plain_db: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Path:
    monkeypatch.setenv(KEY_ENV, KEY)
    code, _out, err = _run(capfd, "encrypt", "--db", str(plain_db))
    assert code == 0, err
    return plain_db


def test_encrypt_leaves_no_readable_copy_and_every_command_still_works(
    plain_db: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(KEY_ENV, KEY)
    _code, before, _err = _run(capfd, "visits", "list", "--json", "--db", str(plain_db))
    assert _plain_copies(plain_db.parent)  # the sample is readable in the plain file
    code, out, err = _run(capfd, "encrypt", "--db", str(plain_db))
    assert (code, err) == (0, ""), err
    assert "now encrypted" in out and "backups encrypted: 2" in out
    assert plain_db.read_bytes()[:16] != SQLITE_MAGIC and looks_encrypted(plain_db)
    # Neither the database, nor its journals, nor any backup, nor debris, is readable.
    assert _plain_copies(plain_db.parent) == []
    reasons = sorted(b.reason for b in list_backups(plain_db))
    assert reasons == ["auto", "before-encrypt"]
    assert all(looks_encrypted(b.path) for b in list_backups(plain_db))
    _code, after, err = _run(capfd, "visits", "list", "--json", "--db", str(plain_db))
    assert (after, err) == (before, "")
    code, out, _err = _run(capfd, "check", "--db", str(plain_db))
    assert code == 0 and "encryption: SQLCipher" in out and "integrity: ok" in out
    # Writes go through the same driver and key, and stay encrypted.
    visit = json.loads(after)[0]
    argv = ["visits", "set-status", visit["code"], "proposed", "--db", str(plain_db)]
    code, _out, err = _run(capfd, *argv)
    assert (code, err) == (0, "")
    _code, listed, _err = _run(capfd, "visits", "list", "--json", "--db", str(plain_db))
    assert json.loads(listed)[0]["status"] == "proposed"
    assert _plain_copies(plain_db.parent) == []


def test_a_missing_or_wrong_key_is_one_line_and_changes_nothing(
    encrypted_db: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = digest(encrypted_db)
    monkeypatch.delenv(KEY_ENV)
    for argv in (["visits", "list"], ["check"], ["backup"], ["demo"], ["encrypt"]):
        code, out, err = _run(capfd, *argv, "--db", str(encrypted_db))
        assert (code, out) == (1, ""), argv
        _one_line(err)
        assert "no key was found" in err or "already encrypted" in err, err
    monkeypatch.setenv(KEY_ENV, "not the key")
    for argv in (["visits", "list"], ["check"], ["backup"], ["people", "list"]):
        code, out, err = _run(capfd, *argv, "--db", str(encrypted_db))
        assert (code, out) == (1, ""), argv
        _one_line(err)
        assert "cannot be decrypted" in err and "not the key" not in err, err
    assert digest(encrypted_db) == before


def test_the_key_comes_from_the_keychain_made_once(
    plain_db: Path, capfd: pytest.CaptureFixture[str], _fake_keychain: MemoryKeyring
) -> None:
    code, _out, err = _run(capfd, "encrypt", "--db", str(plain_db))
    assert code == 0, err
    key = _fake_keychain.passwords[(KEYCHAIN_SERVICE, KEYCHAIN_ENTRY)]
    assert len(key) >= 40
    code, out, err = _run(capfd, "people", "list", "--db", str(plain_db))
    assert code == 0 and "Tanaka" in out, err
    # A second file is encrypted with the same key, not a new one that loses the first.
    other = plain_db.with_name("other.sqlite3")
    make_database(other)
    assert _run(capfd, "encrypt", "--db", str(other))[0] == 0
    assert _fake_keychain.passwords[(KEYCHAIN_SERVICE, KEYCHAIN_ENTRY)] == key


def test_without_a_keychain_or_a_key_nothing_is_encrypted(
    plain_db: Path, capfd: pytest.CaptureFixture[str], _fake_keychain: MemoryKeyring
) -> None:
    from keyring.errors import NoKeyringError

    _fake_keychain.fail_with = NoKeyringError("no backend")
    before = digest(plain_db)
    code, out, err = _run(capfd, "encrypt", "--db", str(plain_db))
    assert (code, out) == (1, "")
    _one_line(err)
    assert "PLANNER_DATABASE_KEY" in err
    assert digest(plain_db) == before and not looks_encrypted(plain_db)


def test_a_key_with_control_characters_is_refused_without_showing_it(
    plain_db: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(KEY_ENV, "secret\x1b[2Jkey")
    code, out, err = _run(capfd, "encrypt", "--db", str(plain_db))
    assert (code, out) == (1, "")
    _one_line(err)
    assert "control characters" in err and "secret" not in err
    assert not looks_encrypted(plain_db)


def test_encrypt_refuses_a_file_another_program_has_open(
    plain_db: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(KEY_ENV, KEY)
    reader = sqlite3.connect(plain_db)
    reader.execute("PRAGMA journal_mode = WAL")
    reader.execute("SELECT count(*) FROM visits").fetchone()
    try:
        code, out, err = _run(capfd, "encrypt", "--db", str(plain_db))
    finally:
        reader.close()
    assert (code, out) == (1, "")
    _one_line(err)
    assert "in use" in err
    assert not looks_encrypted(plain_db) and not list(plain_db.parent.glob("*.encrypting"))


def test_backup_and_restore_go_through_the_same_driver_and_key(
    encrypted_db: Path, capfd: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    copy = tmp_path / "copy.bak"
    code, out, err = _run(capfd, "backup", "-o", str(copy), "--db", str(encrypted_db))
    assert code == 0 and "verified" in out, err
    assert looks_encrypted(copy) and VISITOR not in copy.read_bytes()
    _code, listed, _err = _run(capfd, "visits", "list", "--json", "--db", str(encrypted_db))
    visit = json.loads(listed)[0]
    argv = ["visits", "set-status", visit["code"], "proposed", "--db", str(encrypted_db)]
    assert _run(capfd, *argv)[0] == 0  # a change after the copy
    code, out, err = _run(capfd, "restore", str(copy), "--db", str(encrypted_db))
    assert code == 0 and "restored" in out, err
    assert looks_encrypted(encrypted_db) and _plain_copies(tmp_path) == []
    _code, listed, _err = _run(capfd, "visits", "list", "--json", "--db", str(encrypted_db))
    assert json.loads(listed)[0]["status"] == visit["status"]  # the change went with it


def test_a_plain_backup_restored_into_an_encrypted_file_is_encrypted(
    plain_db: Path,
    capfd: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    plain_copy = outside / "plain.bak"
    assert _run(capfd, "backup", "-o", str(plain_copy), "--db", str(plain_db))[0] == 0
    monkeypatch.setenv(KEY_ENV, KEY)
    assert _run(capfd, "encrypt", "--db", str(plain_db))[0] == 0
    code, _out, err = _run(capfd, "restore", str(plain_copy), "--db", str(plain_db))
    assert code == 0, err
    assert looks_encrypted(plain_db) and VISITOR not in plain_db.read_bytes()
    assert all(looks_encrypted(b.path) for b in list_backups(plain_db))


def test_an_encrypted_url_never_makes_or_opens_a_plain_file(
    plain_db: Path,
    capfd: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    _fake_keychain: MemoryKeyring,
) -> None:
    monkeypatch.setenv(KEY_ENV, KEY)
    new = tmp_path / "a#b?c%41" / "new.sqlite3"
    new.parent.mkdir()
    # In a URL the folder's name is percent-quoted; it names that folder and nothing else.
    monkeypatch.setenv(URL_ENV, f"sqlite+pysqlcipher:///{quote(str(new))}")
    code, _out, err = _run(capfd, "demo")
    assert code == 0, err
    assert looks_encrypted(new) and _plain_copies(new.parent) == []
    assert list(new.parent.iterdir()) != [] and not (tmp_path / "a").exists()
    # An existing plain file behind an encrypted URL is refused, untouched.
    before = digest(plain_db)
    monkeypatch.setenv(URL_ENV, f"sqlite+pysqlcipher:///{plain_db}")
    for argv in (["visits", "list"], ["demo"]):
        code, out, err = _run(capfd, *argv)
        assert (code, out) == (1, "")
        _one_line(err)
        assert "is not encrypted" in err and "planner encrypt" in err
    assert digest(plain_db) == before
    # Without a key (and no keychain to keep a new one), the encrypted URL creates nothing.
    from keyring.errors import NoKeyringError

    monkeypatch.delenv(KEY_ENV)
    _fake_keychain.fail_with = NoKeyringError("no backend")
    nothing = tmp_path / "none"
    nothing.mkdir()
    monkeypatch.setenv(URL_ENV, f"sqlite+pysqlcipher:///{nothing / 'planner.sqlite3'}")
    code, out, err = _run(capfd, "demo")
    assert (code, out) == (1, "")
    _one_line(err)
    assert list(nothing.iterdir()) == []


def test_encrypting_twice_or_a_damaged_file_is_refused(
    encrypted_db: Path, capfd: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _out, err = _run(capfd, "encrypt", "--db", str(encrypted_db))
    assert code == 1 and "already encrypted" in err
    zeros = tmp_path / "zeros.sqlite3"
    zeros.write_bytes(b"\x00" * 4096)
    code, _out, err = _run(capfd, "encrypt", "--db", str(zeros))
    assert code == 1 and "damaged" in err
    _one_line(err)


def test_an_interrupted_encrypt_leaves_no_plain_debris(plain_db: Path) -> None:
    debris = [
        plain_db.with_name(plain_db.name + ".plain-4242"),
        plain_db.with_name(plain_db.name + ".encrypting"),
    ]
    for path in debris:
        path.write_bytes(plain_db.read_bytes())
    removed = remove_leftovers(plain_db)
    assert sorted(removed) == sorted(debris)
    assert not any(p.exists() for p in debris)


def test_attachments_are_sealed_with_the_database_key(
    db_path: Path,
    capfd: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from planner.db.location import sqlite_target
    from planner.db.sealing import SEALED_MAGIC
    from planner.domain.errors import PlannerError
    from planner.services.container import Services
    from tests.fixtures.database import open_migrated

    services = open_migrated(db_path)
    sample = make_sample(services)
    source = tmp_path / "ESTA approval.pdf"
    payload = b"%PDF-1.7 passport TK0000001 " * 500
    source.write_bytes(payload)
    visit_id = sample.visit_in.id or 0
    item_id = services.paperwork.for_visit(visit_id)[0].id or 0
    before = services.paperwork.add_attachment(item_id, source)
    services.close()
    monkeypatch.setenv(KEY_ENV, KEY)
    code, out, err = _run(capfd, "encrypt", "--db", str(db_path))
    assert code == 0 and "attachments sealed: 1" in out, err
    assert [p for p in (db_path.parent / "attachments").rglob("*") if p.is_file()] == [
        db_path.parent / "attachments" / sample.visit_in.code / Path(before.stored_path).name
    ]  # no plain second name left behind
    services = Services.open(sqlite_target(db_path))
    try:
        stored = services.paperwork.attachment_file(before)
        assert (
            stored.read_bytes().startswith(SEALED_MAGIC) and b"TK0000001" not in stored.read_bytes()
        )
        assert services.paperwork.attachment_bytes(before) == payload
        viewable = services.paperwork.viewable_file(before)
        assert viewable.read_bytes() == payload and viewable.stat().st_mode & 0o077 == 0
        # Added after encryption: sealed from the start, same digest as the original.
        after = services.paperwork.add_attachment(item_id, source)
        sealed = services.paperwork.attachment_file(after).read_bytes()
        assert sealed.startswith(SEALED_MAGIC) and b"TK0000001" not in sealed
        assert after.sha256 == before.sha256 and after.size_bytes == len(payload)
        # A changed byte is refused whole, as is another key.
        tampered = bytearray(sealed)
        tampered[-5] ^= 1
        services.paperwork.attachment_file(after).write_bytes(bytes(tampered))
        with pytest.raises(PlannerError, match="cannot be decrypted"):
            services.paperwork.attachment_bytes(after)
    finally:
        services.close()


def test_sensitive_exports_of_an_encrypted_database_are_sealed(
    encrypted_db: Path, capfd: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sensitive, plain = tmp_path / "sensitive.csv", tmp_path / "plain.csv"
    argv = ["export", "visits", "--format", "csv", "--db", str(encrypted_db)]
    code, out, err = _run(capfd, *argv, "--include-sensitive", "-o", str(sensitive))
    assert code == 0 and "sealed" in out, err
    assert b"TK0000001" not in sensitive.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir() if "sensitive" in p.name) == ["sensitive.csv"]
    code, out, err = _run(capfd, *argv, "-o", str(plain))
    assert code == 0 and "sealed" not in out and b"Tanaka" in plain.read_bytes()
    readable = tmp_path / "readable.csv"
    code, out, err = _run(capfd, "decrypt", str(sensitive), "-o", str(readable))
    assert code == 0, err
    assert b"TK0000001" in readable.read_bytes() and readable.stat().st_mode & 0o077 == 0
    # decrypt refuses a file it did not seal, in one line, writing nothing.
    code, out, err = _run(capfd, "decrypt", str(plain), "-o", str(tmp_path / "x.csv"))
    assert (code, out) == (1, "")
    _one_line(err)
    assert not (tmp_path / "x.csv").exists()


def test_the_window_opens_an_encrypted_file_with_the_key_and_refuses_without(
    qapp: object,
    encrypted_db: Path,
    capfd: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, out, err = _run(capfd, "--db", str(encrypted_db), "--exit-when-ready")
    assert code == 0 and out.startswith("ready visits=2 "), err
    before = digest(encrypted_db)
    monkeypatch.setenv(KEY_ENV, "not the key")
    code, out, err = _run(capfd, "--db", str(encrypted_db), "--exit-when-ready")
    assert (code, out) == (1, "")
    _one_line(err)
    assert "cannot be decrypted" in err
    assert digest(encrypted_db) == before


def test_encrypt_again_finishes_what_an_interrupted_run_left(
    encrypted_db: Path, capfd: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # A kill after the database was swapped: a plain backup and a plain attachment remain.
    plain = tmp_path / "plain"
    plain.mkdir()
    make_database(plain / "planner.sqlite3")
    [info] = list_backups(encrypted_db)[:1]
    left = info.path.with_name(info.path.name.replace(".auto.", ".manual.", 1))
    left.write_bytes((plain / "planner.sqlite3").read_bytes())
    shutil.rmtree(plain)
    attachment = encrypted_db.parent / "attachments" / "V-1" / "1-passport.pdf"
    attachment.parent.mkdir(parents=True)
    attachment.write_bytes(b"passport TK0000001")
    assert _plain_copies(encrypted_db.parent) == [left]
    code, out, err = _run(capfd, "encrypt", "--db", str(encrypted_db))
    assert (code, err) == (0, ""), err
    assert "already encrypted" in out and "backups encrypted: 1" in out
    assert "attachments sealed: 1" in out
    assert _plain_copies(encrypted_db.parent) == []
    assert b"TK0000001" not in attachment.read_bytes()
