import hashlib
import io
import os
from dataclasses import replace
from datetime import date

import pypdf
import pytest
import segno
from PIL import Image, ImageDraw
from reportlab.pdfbase import pdfmetrics

from certificates.pdf import (
    PAGE_WIDTH,
    CertificateContent,
    CertificateDesign,
    fit_text,
    format_date,
    qr_matrix,
    render_certificate,
)

VERIFY_URL = "https://leren.example.nl/certificaten/controleer/K7QD-3MXP-9TBA-W2/"


@pytest.fixture
def design():
    return CertificateDesign(
        heading="Certificaat",
        intro="Hierbij verklaren wij dat",
        completion_text="met goed gevolg heeft afgerond",
        signatory_name="Dr. Anna de Vries",
        signatory_role="Directeur",
        organisation_name="Expertisecentrum Seksualiteit",
    )


@pytest.fixture
def content():
    return CertificateContent(
        recipient_name="Jan Jansen",
        subject_title="Signaleren van mensenhandel in de zorg",
        issued_on=date(2026, 11, 22),
        study_load="4 accreditatiepunten (V&VN)",
        code="K7QD-3MXP-9TBA-W2",
        verify_url=VERIFY_URL,
        language="nl",
        expires_on=date(2027, 11, 22),
    )


@pytest.fixture
def design_en(design):
    return replace(
        design,
        heading="Certificate",
        intro="This is to certify that",
        completion_text="has successfully completed",
        signatory_role="Director",
    )


def read(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def page_text(pdf: bytes) -> str:
    """Extracted text with all whitespace (line breaks of wrapped text) as single spaces."""
    reader = read(pdf)
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


def fonts(pdf: bytes) -> list:
    resources = read(pdf).pages[0]["/Resources"]
    return [font.get_object() for font in resources["/Font"].values()]


def image_xobjects(pdf: bytes) -> list:
    xobjects = read(pdf).pages[0]["/Resources"].get("/XObject", {})
    return [x.get_object() for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image"]


def make_png(path, size=(300, 120), color=(63, 29, 94, 255), mode="RGBA"):
    image = Image.new(mode, size, (0, 0, 0, 0) if mode == "RGBA" else "white")
    ImageDraw.Draw(image).ellipse((5, 5, size[0] - 5, size[1] - 5), fill=color)
    image.save(path)
    return str(path)


def test_dutch_certificate_contains_the_content(design, content):
    text = page_text(render_certificate(design, content))

    for expected in (
        "Certificaat",
        "Hierbij verklaren wij dat",
        "Jan Jansen",
        "met goed gevolg heeft afgerond",
        "Signaleren van mensenhandel in de zorg",
        "4 accreditatiepunten (V&VN)",
        "Datum: 22 november 2026",
        "Geldig tot 22 november 2027",
        "Dr. Anna de Vries",
        "Directeur",
        "Code: K7QD-3MXP-9TBA-W2",
        "Controleer dit certificaat op",
        VERIFY_URL,
        "Expertisecentrum Seksualiteit",  # the text logo
    ):
        assert expected in text


def test_english_certificate_uses_english_labels_and_date(design_en, content):
    content = replace(content, language="en", study_load="4 accreditation points")
    text = page_text(render_certificate(design_en, content))

    assert "Date: 22 November 2026" in text
    assert "Valid until 22 November 2027" in text
    assert "Verify this certificate at" in text
    assert "4 accreditation points" in text
    assert "Datum" not in text
    assert "Geldig" not in text


def test_optional_lines_are_left_out(design, content):
    text = page_text(render_certificate(design, replace(content, study_load="", expires_on=None)))

    assert "Geldig tot" not in text
    assert "accreditatiepunten" not in text
    assert "Datum: 22 november 2026" in text


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        (date(2026, 11, 22), "nl", "22 november 2026"),
        (date(2026, 11, 22), "en", "22 November 2026"),
        (date(2027, 3, 1), "nl", "1 maart 2027"),
        (date(2027, 3, 1), "en", "1 March 2027"),
        (date(2026, 5, 9), "en-gb", "9 May 2026"),
    ],
)
def test_format_date(value, language, expected):
    assert format_date(value, language) == expected


def test_unknown_language_is_an_error(design, content):
    with pytest.raises(ValueError, match="language"):
        render_certificate(design, replace(content, language="de"))


def test_page_is_a4_landscape(design, content):
    page = read(render_certificate(design, content)).pages[0]

    assert round(float(page.mediabox.width)) == 842
    assert round(float(page.mediabox.height)) == 595


def test_qr_area_links_to_the_verify_url(design, content):
    page = read(render_certificate(design, content)).pages[0]

    links = [a.get_object() for a in page["/Annots"]]
    assert [link["/A"]["/URI"] for link in links] == [VERIFY_URL]
    x1, y1, x2, y2 = (float(v) for v in links[0]["/Rect"])
    # The QR code is 3 cm (85 pt) wide; the link also covers its quiet zone.
    assert 85 <= x2 - x1 <= 110
    assert x2 - x1 == pytest.approx(y2 - y1)
    assert x2 > PAGE_WIDTH / 2 and y1 < 100  # bottom right corner


def test_fonts_are_embedded_truetype(design, content):
    page_fonts = fonts(render_certificate(design, content))

    assert page_fonts
    for font in page_fonts:
        assert "/FontFile2" in font["/FontDescriptor"]
    names = {str(font["/BaseFont"]).split("+", 1)[1] for font in page_fonts}
    assert names == {"BitstreamVeraSans-Roman", "BitstreamVeraSans-Bold"}


def test_same_inputs_give_identical_bytes(design, content):
    first = render_certificate(design, content)
    second = render_certificate(design, content)

    assert first == second
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()
    assert render_certificate(design, replace(content, code="ZZZZ-3MXP-9TBA-W2")) != first


def test_very_long_name_and_title_still_render(design, content):
    name = (
        "Maximiliaan Alexander Johannes Cornelis Bartholomeus van den Heuvel-Oppenheimer "
        "tot Nieuwerkerk aan den IJssel en Zuid-Beijerland"
    )
    title = "Signaleren en aanpakken van mensenhandel en seksuele uitbuiting " * 3
    pdf = render_certificate(design, replace(content, recipient_name=name, subject_title=title))

    text = page_text(pdf)
    assert name in text
    assert title.strip() in text
    assert VERIFY_URL in text


def test_fit_text_shrinks_then_wraps_within_the_width():
    width = 400
    size, lines = fit_text("Jan Jansen", "VeraBd", 34, 18, width)
    assert (size, lines) == (34, ["Jan Jansen"])

    size, lines = fit_text("Johannes van den Heuvel", "VeraBd", 34, 18, width)
    assert 18 <= size < 34 and len(lines) == 1

    long_name = "Johannes Cornelis Bartholomeus van den Heuvel-Oppenheimer tot Nieuwerkerk"
    size, lines = fit_text(long_name, "VeraBd", 34, 18, width)
    assert size == 18 and len(lines) > 1
    assert " ".join(lines) == long_name
    assert all(pdfmetrics.stringWidth(line, "VeraBd", size) <= width for line in lines)


def test_fit_text_breaks_unbreakable_words_and_limits_lines():
    word = "X" * 200
    size, lines = fit_text(word, "Vera", 12, 8, 100, max_lines=2)

    assert size == 8 and len(lines) == 2
    assert lines[-1].endswith("\u2026")
    assert all(pdfmetrics.stringWidth(line, "Vera", size) <= 100 for line in lines)


def test_logo_and_signature_are_embedded_images(design, content, tmp_path):
    logo = make_png(tmp_path / "logo.png")
    signature = make_png(tmp_path / "signature.png", size=(400, 100), color=(0, 0, 0, 255))
    plain = render_certificate(design, content)
    pdf = render_certificate(replace(design, logo_path=logo, signature_path=signature), content)

    assert image_xobjects(plain) == []
    images = image_xobjects(pdf)
    assert len(images) == 2
    # Transparent PNGs keep their transparency as a soft mask.
    assert all("/SMask" in image for image in images)
    text = page_text(pdf)
    assert "Dr. Anna de Vries" in text
    assert "Expertisecentrum Seksualiteit" not in text  # the image replaces the text logo


def test_jpeg_logo(design, content, tmp_path):
    logo = tmp_path / "logo.jpg"
    Image.new("RGB", (200, 80), (63, 29, 94)).save(logo)

    pdf = render_certificate(replace(design, logo_path=str(logo)), content)

    assert len(image_xobjects(pdf)) == 1


def test_replaced_image_file_is_picked_up(design, content, tmp_path):
    logo = tmp_path / "logo.png"
    make_png(logo, color=(255, 0, 0, 255))
    design = replace(design, logo_path=str(logo))
    first = render_certificate(design, content)

    make_png(logo, size=(320, 120), color=(0, 0, 255, 255))
    stat = os.stat(logo)
    os.utime(logo, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))

    assert render_certificate(design, content) != first


def test_qr_matrix_is_segnos_matrix():
    expected = [
        [bool(module) for module in row] for row in segno.make(VERIFY_URL, error="m").matrix
    ]

    matrix = qr_matrix(VERIFY_URL)

    assert matrix == expected
    assert all(type(module) is bool for row in matrix for module in row)
    assert len(matrix) == len(matrix[0])
