import gzip
import io
import time

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from csphub.demo.builder import shared_postcode_file
from csphub.geography.models import Postcode
from csphub.geography.services import postcodes_import

OUR_HEADER = "postcode,lsoa_code,district_code,district_name,latitude,longitude,terminated\n"


def write(tmp_path, text: str, name: str = "postcodes.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.django_db
def test_our_layout_is_imported_with_normalised_postcodes(tmp_path):
    path = write(
        tmp_path,
        OUR_HEADER
        + "le113aa,E01025700,E07000130,Charnwood,52.77,-1.20,no\n"
        + " LE1 5YA ,E01027010,E06000016,Leicester,52.63,-1.13,yes\n",
    )
    result = postcodes_import(path=path)
    assert (result.rows_read, result.imported, result.rejected) == (2, 2, 0)
    loughborough = Postcode.objects.get(postcode="LE11 3AA")
    assert (loughborough.lsoa_code, loughborough.district_code) == ("E01025700", "E07000130")
    assert (loughborough.latitude, loughborough.longitude, loughborough.terminated) == (
        52.77,
        -1.20,
        False,
    )
    assert Postcode.objects.get(postcode="LE1 5YA").terminated is True


@pytest.mark.django_db
def test_onspd_headers_are_mapped_whatever_their_case(tmp_path):
    path = write(
        tmp_path,
        "PCD,PCD2,PCDS,DOTERM,OSLAUA,LSOA11,LSOA21,LAT,LONG\n"
        "LE113AA,LE11  3AA,LE11 3AA,,E07000130,E01025700,E01034000,52.77,-1.20\n"
        "LE1 1ZZ,LE1  1ZZ,LE1 1ZZ,200106,E06000016,E01027010,E01035000,99.999999,0.000000\n",
    )
    result = postcodes_import(path=path)
    assert result.imported == 2
    assert result.columns == {
        "postcode": "PCDS",
        "lsoa_code": "LSOA11",
        "district_code": "OSLAUA",
        "latitude": "LAT",
        "longitude": "LONG",
        "terminated": "DOTERM",
    }
    live = Postcode.objects.get(postcode="LE11 3AA")
    assert live.lsoa_code == "E01025700"  # LSOA 2011 preferred: the crime data uses 2011 codes
    assert live.terminated is False
    ended = Postcode.objects.get(postcode="LE1 1ZZ")
    assert ended.terminated is True  # doterm set
    assert (ended.latitude, ended.longitude) == (None, None)  # ONSPD's "no grid reference"


@pytest.mark.django_db
def test_nspl_style_headers_with_lsoa21_and_laua_are_accepted(tmp_path):
    path = write(
        tmp_path, "pcd,laua,lsoa21,lat,long,doterm\nLE15 6HP,E06000017,E01035001,52.67,-0.72,\n"
    )
    postcodes_import(path=path)
    row = Postcode.objects.get(postcode="LE15 6HP")
    assert (row.district_code, row.lsoa_code, row.terminated) == ("E06000017", "E01035001", False)


@pytest.mark.django_db
def test_blank_latitude_and_longitude_are_stored_as_null(tmp_path):
    path = write(
        tmp_path, OUR_HEADER + "B79 0WA,E01025913,E07000134,North West Leicestershire,,,yes\n"
    )
    postcodes_import(path=path)
    row = Postcode.objects.get(postcode="B79 0WA")
    assert (row.latitude, row.longitude, row.terminated) == (None, None, True)


@pytest.mark.django_db
def test_bad_rows_are_rejected_with_their_reasons_and_the_rest_imported(tmp_path):
    path = write(
        tmp_path,
        OUR_HEADER
        + "LE11 3AA,E01025700,E07000130,Charnwood,52.77,-1.20,no\n"
        + "NOT A POSTCODE,E01025700,E07000130,Charnwood,52.77,-1.20,no\n"
        + ",E01025700,E07000130,Charnwood,52.77,-1.20,no\n"
        + "LE11 3AB,E01025700,E07000130,Charnwood,north,-1.20,no\n"
        + "LE11 3AD,E01025700,E07000130,Charnwood,52.77,-1.20,maybe\n"
        + "LE11 3AE,E01025700,E07000130,Charnwood,152.77,-1.20,no\n"
        + "LE11 3AF,E01025700,E07000130,Charnwood,52.77,-1.20,no\n",
    )
    result = postcodes_import(path=path)
    assert (result.rows_read, result.imported, result.rejected) == (7, 2, 5)
    assert result.reasons == {
        "not a valid UK postcode": 1,
        "postcode is blank": 1,
        "latitude is not a number": 1,
        "terminated is not yes or no": 1,
        "latitude is out of range": 1,
    }
    assert (result.examples[0].line, result.examples[0].postcode) == (3, "NOT A POSTCODE")
    assert set(Postcode.objects.values_list("postcode", flat=True)) == {"LE11 3AA", "LE11 3AF"}


@pytest.mark.django_db
def test_the_command_prints_a_summary_with_the_reasons(tmp_path):
    path = write(
        tmp_path,
        OUR_HEADER
        + "LE11 3AA,E01025700,E07000130,Charnwood,52.77,-1.20,no\n"
        + "XX,E01025700,E07000130,Charnwood,52.77,-1.20,no\n",
    )
    out = io.StringIO()
    call_command("import_postcodes", str(path), stdout=out, stderr=io.StringIO())
    text = out.getvalue()
    assert "Rows read:  2" in text
    assert "Imported:   1 (1 new, 0 replaced)" in text
    assert "Rejected:   1" in text
    assert "1 × not a valid UK postcode" in text
    assert "line 3: 'XX'" in text


@pytest.mark.django_db
def test_importing_again_replaces_rows_instead_of_duplicating_them(tmp_path):
    first = write(
        tmp_path, OUR_HEADER + "LE11 3AA,E01025700,E07000130,Charnwood,52.77,-1.20,no\n", "a.csv"
    )
    second = write(tmp_path, OUR_HEADER + "LE11 3AA,E01025701,E07000130,Charnwood,,,yes\n", "b.csv")
    postcodes_import(path=first)
    result = postcodes_import(path=second)
    assert (result.imported, result.new) == (1, 0)
    row = Postcode.objects.get()
    assert (row.lsoa_code, row.latitude, row.terminated) == ("E01025701", None, True)


@pytest.mark.django_db
def test_a_postcode_repeated_in_the_file_keeps_the_later_row(tmp_path):
    rows = "".join(f"LE11 {n}AA,E01025700,E07000130,Charnwood,52.77,-1.20,no\n" for n in range(10))
    path = write(
        tmp_path, OUR_HEADER + rows + "LE11 3AA,E01025799,E07000130,Charnwood,52.77,-1.20,no\n"
    )
    result = postcodes_import(path=path)
    assert (result.imported, result.duplicates) == (10, 1)
    assert Postcode.objects.get(postcode="LE11 3AA").lsoa_code == "E01025799"


@pytest.mark.django_db
def test_a_byte_order_mark_is_ignored(tmp_path):
    path = write(
        tmp_path,
        OUR_HEADER + "LE11 3AA,E01025700,E07000130,Charnwood,52.77,-1.20,no\n",
        encoding="utf-8-sig",
    )
    assert postcodes_import(path=path).imported == 1


@pytest.mark.django_db
def test_a_gzipped_file_is_read(tmp_path):
    path = tmp_path / "postcodes.csv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(OUR_HEADER + "LE13 0AH,E01026010,E07000133,Melton,52.76,-0.88,no\n")
    assert postcodes_import(path=path).imported == 1
    assert Postcode.objects.filter(postcode="LE13 0AH").exists()


@pytest.mark.django_db
def test_a_broken_gzip_file_is_a_clear_error(tmp_path):
    path = tmp_path / "postcodes.csv.gz"
    path.write_bytes(
        gzip.compress(
            (OUR_HEADER + "LE13 0AH,E01026010,E07000133,Melton,52.76,-0.88,no\n" * 500).encode()
        )[:200]
    )
    with pytest.raises(ValidationError, match="not a readable gzip file"):
        postcodes_import(path=path)
    assert not Postcode.objects.exists()


@pytest.mark.django_db
def test_a_file_that_is_not_utf8_is_refused_and_nothing_is_written(tmp_path):
    good = "".join(
        f"LE{n // 1000 + 1} {n % 10}{'ABDEFGHJLN'[n // 10 % 10]}{'PQRSTUWXYZ'[n // 100 % 10]},"
        f"E01025700,E07000130,Charnwood,52.77,-1.20,no\n"
        for n in range(4_500)
    )
    path = write(
        tmp_path,
        OUR_HEADER + good + "LE11 3AA,E01025700,E07000130,Wigston Magna Caf\xe9,52.77,-1.20,no\n",
        encoding="latin-1",
    )
    with pytest.raises(ValidationError, match="not UTF-8"):
        postcodes_import(path=path)
    assert not Postcode.objects.exists()  # the batches already sent were rolled back


@pytest.mark.django_db
def test_the_command_exits_with_an_error_for_a_non_utf8_file(tmp_path):
    path = write(
        tmp_path,
        OUR_HEADER + "LE11 3AA,E01025700,E07000130,Caf\xe9,52.77,-1.20,no\n",
        encoding="latin-1",
    )
    with pytest.raises(CommandError, match="is not UTF-8 text .*Save it as CSV UTF-8"):
        call_command("import_postcodes", str(path), stdout=io.StringIO())


@pytest.mark.django_db
def test_missing_required_columns_are_named(tmp_path):
    path = write(tmp_path, "pcds,lat,long\nLE11 3AA,52.77,-1.20\n")
    with pytest.raises(CommandError) as error:
        call_command("import_postcodes", str(path), stdout=io.StringIO())
    message = str(error.value)
    assert "missing required columns" in message
    assert "lsoa_code (or lsoa11" in message and "district_code (or oslaua" in message
    assert "postcode (or" not in message
    assert not Postcode.objects.exists()


@pytest.mark.django_db
def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="There is no file at"):
        call_command("import_postcodes", str(tmp_path / "nope.csv"), stdout=io.StringIO())


@pytest.mark.django_db
def test_rows_outside_the_partnership_can_be_skipped(tmp_path):
    path = write(
        tmp_path,
        OUR_HEADER
        + "LE11 3AA,E01025700,E07000130,Charnwood,52.77,-1.20,no\n"
        + "NG1 1AA,E01013000,E06000018,Nottingham,52.95,-1.15,no\n",
    )
    result = postcodes_import(path=path, only_known_districts=True)
    assert (result.imported, result.skipped_other_districts) == (1, 1)
    assert list(Postcode.objects.values_list("postcode", flat=True)) == ["LE11 3AA"]


@pytest.mark.django_db
def test_progress_is_reported_every_ten_thousand_rows(tmp_path):
    rows = "".join(
        f"LE{n // 1000 + 1} {n % 10}{'ABDEFGHJLN'[n // 10 % 10]}{'PQRSTUWXYZ'[n // 100 % 10]},"
        f"E01025700,E07000130,Charnwood,,,no\n"
        for n in range(20_000)
    )
    seen = []
    result = postcodes_import(path=write(tmp_path, OUR_HEADER + rows), progress=seen.append)
    assert seen == [10_000, 20_000]
    assert result.imported == 20_000


@pytest.mark.django_db
@pytest.mark.skipif(
    not shared_postcode_file().is_file(),
    reason="the shared ONS postcode file is not on this machine",
)
def test_the_real_llr_postcode_file_imports_every_row():
    started = time.monotonic()
    result = postcodes_import(path=shared_postcode_file())
    elapsed = time.monotonic() - started
    assert (result.rows_read, result.imported, result.rejected) == (36_434, 36_434, 0)
    assert Postcode.objects.count() == 36_434
    assert Postcode.objects.filter(terminated=True).count() == 12_547
    assert Postcode.objects.filter(latitude__isnull=True).count() == 12_690
    assert elapsed < 60, f"took {elapsed:.1f}s"
