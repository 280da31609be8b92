import codecs

import pytest

from articles.parsing import DecodeError, decode_bytes

TEXT = "株洲日报讯 3月26日，市委召开会议。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("gb18030"), "gb18030"),
    ],
)
def test_encodings(data, encoding):
    assert decode_bytes(data) == (TEXT, encoding)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "only whitespace"),
        (b"%PDF-1.7\n...", "a PDF file"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\x1f\x8b\x08\x00", "a gzip archive"),
        ("株洲".encode() + b"\x00abc", "NUL byte at offset 6"),
        ("株洲日报".encode() + b"\xff\xfe\xfd" + bytes(range(128, 160)), "invalid byte at offset 12"),
    ],
)
def test_refusals_say_why(data, message):
    with pytest.raises(DecodeError, match=message):
        decode_bytes(data)
