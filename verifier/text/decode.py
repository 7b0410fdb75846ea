"""Reading text files safely: every way a file can be unusable becomes one clear error."""

from __future__ import annotations

from pathlib import Path

from verifier.errors import InputError


def read_text(path: str | Path, *, what: str = "file") -> str:
    """The file's text as UTF-8 (BOM dropped, newlines kept as \\n), or an InputError."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{what} not found", path=str(path)) from None
    except IsADirectoryError:
        raise InputError(f"{what} is a directory, expected a file", path=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read {what}: {exc.strerror}", path=str(path)) from None
    return decode_text(data, path=str(path), what=what)


def decode_text(data: bytes, *, path: str, what: str = "file") -> str:
    """Decode bytes as UTF-8 text, refusing empty, binary and mis-encoded input."""
    if not data.strip():
        raise InputError(f"{what} is empty", path=path)
    if _utf16(data[:512]):
        raise InputError(f"{what} is UTF-16 text; save it as UTF-8", path=path)
    if b"\x00" in data[:8192]:
        raise InputError(f"{what} looks binary (NUL bytes), expected UTF-8 text", path=path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{what} is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
            path=path,
            line=line,
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _utf16(head: bytes) -> bool:
    """A UTF-16 byte-order mark, or Latin text with every other byte NUL (Windows 'Unicode')."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    half = len(head) // 2
    return half >= 8 and max(head[0::2].count(0), head[1::2].count(0)) > 0.9 * half
