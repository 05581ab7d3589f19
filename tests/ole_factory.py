"""Minimal OLE compound files (MS-CFB version 3), the container of old .doc files and of password-
protected .docx files. Streams are padded to 4 KiB so they live in ordinary sectors and no mini
stream is needed; that keeps the writer to one FAT sector and one directory sector."""
from __future__ import annotations

import struct

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SECTOR = 512
ENDOFCHAIN, FREESECT, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def _entry(name: str, kind: int, start: int, size: int, right=NOSTREAM, child=NOSTREAM) -> bytes:
    raw = name.encode("utf-16-le") + b"\0\0" if name else b""
    return struct.pack("<64sHBBIII16sIQQIQ", raw.ljust(64, b"\0"), len(raw), kind, 1, NOSTREAM, right, child,
                       b"\0" * 16, 0, 0, 0, start, size)


def compound_file(streams: dict[str, bytes]) -> bytes:
    # siblings must be ordered as CFB compares names: by length, then upper case
    names = sorted(streams, key=lambda n: (len(n), n.upper()))
    assert 1 <= len(names) <= 3
    fat = [FATSECT, ENDOFCHAIN]          # sector 0: the FAT, sector 1: the directory
    body, starts = b"", {}
    for name in names:
        data = streams[name].ljust(4096, b"\0")
        count = -(-len(data) // SECTOR)
        starts[name] = (len(fat), len(data))
        fat += [len(fat) + i + 1 for i in range(count - 1)] + [ENDOFCHAIN]
        body += data.ljust(count * SECTOR, b"\0")
    assert len(fat) <= SECTOR // 4
    fat_sector = struct.pack("<128I", *(fat + [FREESECT] * (128 - len(fat))))
    entries = [_entry("Root Entry", 5, ENDOFCHAIN, 0, child=1)]
    for i, name in enumerate(names, start=1):
        entries.append(_entry(name, 2, *starts[name], right=i + 1 if i < len(names) else NOSTREAM))
    while len(entries) < 4:
        entries.append(_entry("", 0, 0, 0))
    header = struct.pack("<8s16sHHHHH6sIIIIIIIII", MAGIC, b"\0" * 16, 0x3E, 3, 0xFFFE, 9, 6, b"\0" * 6,
                         0, 1, 1, 0, 4096, ENDOFCHAIN, 0, ENDOFCHAIN, 0)
    header += struct.pack("<109I", 0, *([FREESECT] * 108))
    return header + fat_sector + b"".join(entries) + body


def encrypted_docx() -> bytes:
    """What Word writes for a .docx with a password: the encrypted package inside an OLE file."""
    info = struct.pack("<HHI", 4, 4, 0x40) + (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption">'
        b'<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" '
        b'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>'
        b'</encryption>')
    package = struct.pack("<Q", 5000) + bytes(range(256)) * 20
    return compound_file({"EncryptionInfo": info, "EncryptedPackage": package})


def word97_doc() -> bytes:
    """The streams of an old binary .doc (their content does not matter to the check)."""
    fib = struct.pack("<HH", 0xA5EC, 0x00C1) + b"\0" * 508
    return compound_file({"WordDocument": fib, "1Table": b"\0" * 512})
