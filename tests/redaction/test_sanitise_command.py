"""`csphub redact [FILE] [--json] [--postcode-sector]`."""

import json
from io import BytesIO, StringIO

import pytest
from django.core.management import CommandError, call_command

TEXT = "Piotr Nowak of 27 Ashby Road, LE11 3AA, rang 07700 900123.\n"


def run(*args, stdin=None):
    out = StringIO()
    call_command(
        "redact", *args, stdout=out, stderr=StringIO(), **({"stdin": stdin} if stdin else {})
    )
    return out.getvalue()


def test_redact_prints_the_redacted_text_of_a_file(tmp_path):
    source = tmp_path / "report.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert run(str(source)) == "[PERSON A] of [ADDRESS], [POSTCODE], rang [PHONE].\n"


def test_redact_reads_standard_input_when_no_file_is_given():
    assert (
        run(stdin=BytesIO(TEXT.encode("utf-8")))
        == "[PERSON A] of [ADDRESS], [POSTCODE], rang [PHONE].\n"
    )
    assert run("-", stdin=StringIO(TEXT)) == "[PERSON A] of [ADDRESS], [POSTCODE], rang [PHONE].\n"


def test_redact_can_show_postcode_sectors():
    assert (
        run("--postcode-sector", stdin=StringIO(TEXT))
        == "[PERSON A] of [ADDRESS], LE11 3**, rang [PHONE].\n"
    )


def test_redact_json_lists_the_spans_with_their_labels():
    items = json.loads(run("--json", "--postcode-sector", stdin=StringIO(TEXT)))
    assert [(i["type"], i["text"], i["label"]) for i in items] == [
        ("PERSON", "Piotr Nowak", "[PERSON A]"),
        ("ADDRESS", "27 Ashby Road", "[ADDRESS]"),
        ("POSTCODE", "LE11 3AA", "LE11 3**"),
        ("PHONE", "07700 900123", "[PHONE]"),
    ]
    assert set(items[0]) == {"start", "end", "type", "text", "score", "label"}
    assert TEXT[items[0]["start"] : items[0]["end"]] == "Piotr Nowak"


def test_redact_refuses_a_file_that_is_not_utf8(tmp_path):
    source = tmp_path / "latin1.txt"
    source.write_bytes("Café owner Mr Smith".encode("latin-1"))
    with pytest.raises(CommandError, match="not UTF-8"):
        run(str(source))


def test_redact_explains_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run(str(tmp_path / "missing.txt"))


def test_redact_accepts_a_utf8_file_with_a_byte_order_mark(tmp_path):
    source = tmp_path / "bom.txt"
    source.write_bytes(b"\xef\xbb\xbf" + b"Mr Nowak called.")
    assert run(str(source)) == "[PERSON A] called.\n"
