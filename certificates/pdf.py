"""Render a certificate as a one-page A4 landscape PDF with ReportLab.

The renderer is a pure function of its inputs: the canvas is created with
``invariant=1``, so the same design and content always give byte-identical
PDFs (no timestamps or random document ids). Fonts are registered once at
import and images are decoded once per file (see ``_image_reader``), so a
worker renders a certificate in a few milliseconds.

Labels printed on the certificate come from the gettext catalogues and follow
``CertificateContent.language`` (the recipient's language), not the language
of the request that triggered the rendering.
"""

from __future__ import annotations

import functools
import io
import math
import os
from dataclasses import dataclass
from datetime import date

import reportlab
import segno
from django.conf import settings
from django.utils import translation
from django.utils.dates import MONTHS
from django.utils.translation import gettext
from PIL import Image, ImageOps
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas


@dataclass(frozen=True)
class CertificateDesign:
    heading: str  # e.g. "Certificaat" / "Certificate"
    intro: str  # e.g. "Hierbij verklaren wij dat" / "This is to certify that"
    completion_text: str  # e.g. "met goed gevolg heeft afgerond" / "has successfully completed"
    signatory_name: str
    signatory_role: str
    organisation_name: str
    primary_color: str = "#3f1d5e"  # hex
    logo_path: str | None = None  # PNG/JPEG file, or None: the organisation name as a text logo
    signature_path: str | None = None  # PNG/JPEG file, or None: a signature line only


@dataclass(frozen=True)
class CertificateContent:
    recipient_name: str
    subject_title: str  # course or workshop title
    issued_on: date
    study_load: str  # accreditation / study-load text, may be ""
    code: str  # e.g. "K7QD-3MXP-9TBA-W2"
    verify_url: str  # absolute URL; encoded in the QR code
    language: str  # "nl" or "en"
    expires_on: date | None = None


# --- Language ---------------------------------------------------------------
# Labels and month names come from the gettext catalogues (ours and Django's),
# in the certificate's language, whatever language the caller is in.


def _language(language: str) -> str:
    """ "nl", "en", "en-gb" and "EN_us" are accepted; anything else is a bug."""
    lang = language.replace("_", "-").split("-", 1)[0].lower()
    if lang not in {code for code, _name in settings.LANGUAGES}:
        raise ValueError(f"No certificate labels for language {language!r}")
    return lang


def _labels(language: str) -> dict[str, str]:
    with translation.override(_language(language)):
        return {
            "date": gettext("Date"),
            "valid_until": gettext("Valid until"),
            "code": gettext("Code"),
            "verify": gettext("Verify this certificate at"),
        }


def format_date(value: date, language: str) -> str:
    """ "22 november 2026" (nl) or "22 November 2026" (en), independent of locale."""
    with translation.override(_language(language)):
        return f"{value.day} {MONTHS[value.month]} {value.year}"


# --- ReportLab configuration -------------------------------------------------------

# ReportLab wraps every compressed stream (page content, images) in ASCII85 by
# default, in pure Python: for a certificate with a logo that is most of the
# rendering time, and it makes the file 25% larger. Binary streams are fine for
# every PDF reader. This is a process-wide ReportLab setting; certificates are
# its only user in this project, and render_certificate sets it again so the
# bytes of a certificate never depend on what other code did.
_USE_A85 = 0
rl_config.useA85 = _USE_A85

# --- Fonts (registered once, at import) ---------------------------------------

_FONT = "Vera"
_FONT_BOLD = "VeraBd"
_FONT_DIR = os.path.join(os.path.dirname(reportlab.__file__), "fonts")

for _name, _file in ((_FONT, "Vera.ttf"), (_FONT_BOLD, "VeraBd.ttf")):
    if _name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(_name, os.path.join(_FONT_DIR, _file)))

# --- Page geometry (points) -----------------------------------------------------

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
_BAND = 18  # width of the coloured band along the page edge
_RULE_INSET = 27  # thin coloured rule inside the band
_TEXT_WIDTH = PAGE_WIDTH - 2 * 95  # width of the centred text block
_LOGO_BOX = (200.0, 56.0)  # width, height; top centre of the page
_LOGO_TOP = PAGE_HEIGHT - 46
_SIGNATURE_BOX = (170.0, 50.0)
_SIGNATURE_CENTRE_X = 190.0
_SIGNATURE_LINE_Y = 92.0
_QR_SIZE = 3 * cm  # the module matrix, without quiet zone
_QR_QUIET_MODULES = 4
_QR_RIGHT = PAGE_WIDTH - 52  # right edge of the matrix
_QR_BOTTOM = 50.0  # bottom edge of the matrix
_BODY_BOTTOM = 168.0  # the text block stays above the signature and QR area
_CAPTION_LEFT = _SIGNATURE_CENTRE_X + _SIGNATURE_BOX[0] / 2 + 35

_TEXT_COLOR = colors.HexColor("#1f1f1f")
_MUTED_COLOR = colors.HexColor("#555555")
_ELLIPSIS = "\u2026"


# --- Text fitting ---------------------------------------------------------------


def _split_long_word(word: str, font: str, size: float, width: float) -> list[str]:
    """Break a word that is wider than the line at character boundaries."""
    pieces: list[str] = []
    current = ""
    for char in word:
        if current and pdfmetrics.stringWidth(current + char, font, size) > width:
            pieces.append(current)
            current = char
        else:
            current += char
    if current:
        pieces.append(current)
    return pieces


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap; words wider than the line are broken."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if pdfmetrics.stringWidth(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        if pdfmetrics.stringWidth(word, font, size) <= width:
            current = word
        else:
            *full, current = _split_long_word(word, font, size, width)
            lines.extend(full)
    if current:
        lines.append(current)
    return lines


def _truncate(line: str, font: str, size: float, width: float) -> str:
    while line and pdfmetrics.stringWidth(line + _ELLIPSIS, font, size) > width:
        line = line[:-1]
    return line.rstrip() + _ELLIPSIS


def fit_text(
    text: str,
    font: str,
    size: float,
    min_size: float,
    width: float,
    max_lines: int = 3,
) -> tuple[float, list[str]]:
    """Font size and lines for ``text`` within ``width``.

    One line at ``size`` if it fits; otherwise one line at a smaller size, down
    to ``min_size``; otherwise wrapped at ``min_size`` into at most
    ``max_lines`` lines, the last one cut off with an ellipsis.
    """
    text = " ".join(text.split())
    if not text:
        return size, []
    natural = pdfmetrics.stringWidth(text, font, 1)
    if natural * size <= width:
        return size, [text]
    if natural * min_size <= width:
        # stringWidth is linear in the size; round down to 0.1 pt.
        return math.floor(width / natural * 10) / 10, [text]
    lines = _wrap(text, font, min_size, width)
    if len(lines) > max_lines:
        lines = lines[: max_lines - 1] + [_truncate(lines[max_lines - 1], font, min_size, width)]
    return min_size, lines


@dataclass(frozen=True)
class _Block:
    lines: list[str]
    font: str
    size: float
    color: object
    space_before: float  # points above the first line
    leading: float = 1.22


def _body_blocks(
    design: CertificateDesign, content: CertificateContent, primary, scale: float
) -> list[_Block]:
    labels = _labels(content.language)
    width = _TEXT_WIDTH

    def block(text, font, size, min_size, color, space_before, max_lines=3):
        fitted, lines = fit_text(text, font, size * scale, min_size * scale, width, max_lines)
        return _Block(lines, font, fitted, color, space_before * scale)

    blocks = [
        block(design.heading, _FONT_BOLD, 40, 22, primary, 0, max_lines=2),
        block(design.intro, _FONT, 14, 9, _MUTED_COLOR, 26, max_lines=2),
        block(content.recipient_name, _FONT_BOLD, 34, 18, _TEXT_COLOR, 12),
        block(design.completion_text, _FONT, 14, 9, _MUTED_COLOR, 12, max_lines=2),
        block(content.subject_title, _FONT_BOLD, 22, 13, primary, 10),
    ]
    if content.study_load.strip():
        blocks.append(block(content.study_load, _FONT, 11.5, 8, _MUTED_COLOR, 10, max_lines=2))
    date_text = f"{labels['date']}: {format_date(content.issued_on, content.language)}"
    blocks.append(block(date_text, _FONT, 11.5, 8, _TEXT_COLOR, 14, max_lines=1))
    if content.expires_on is not None:
        expiry = f"{labels['valid_until']} {format_date(content.expires_on, content.language)}"
        blocks.append(block(expiry, _FONT, 11.5, 8, _TEXT_COLOR, 3, max_lines=1))
    return [b for b in blocks if b.lines]


def _blocks_height(blocks: list[_Block]) -> float:
    return sum(b.space_before + len(b.lines) * b.size * b.leading for b in blocks)


# --- Images -------------------------------------------------------------------


@functools.lru_cache(maxsize=32)
def _cached_image_reader(path: str, mtime_ns: int, file_size: int, max_px: tuple[int, int]):
    """Decode, orient and downscale an image once; the reader keeps the pixels.

    Keyed by path plus modification time and size, so replacing a logo on disk
    is picked up without a restart.
    """
    with Image.open(path) as opened:
        image = ImageOps.exif_transpose(opened)
        image.load()
    if image.mode == "P":
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    elif image.mode == "1":
        image = image.convert("L")  # so downscaling can smooth, not just drop pixels
    elif image.mode not in ("L", "LA", "RGB", "RGBA", "CMYK"):
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    image.thumbnail(max_px, Image.Resampling.LANCZOS)
    reader = ImageReader(image)
    # Decode eagerly, so concurrent renders only read the cached pixel data.
    reader.getRGBData()
    if reader._dataA is not None:
        reader._dataA.getRGBData()
    return reader


def _image_reader(path: str, box: tuple[float, float]) -> ImageReader:
    stat = os.stat(path)
    # At most 300 dpi at the size the image is drawn.
    max_px = (math.ceil(box[0] / 72 * 300), math.ceil(box[1] / 72 * 300))
    return _cached_image_reader(os.fspath(path), stat.st_mtime_ns, stat.st_size, max_px)


# --- QR code ------------------------------------------------------------------


def qr_matrix(payload: str) -> list[list[bool]]:
    """The QR module matrix (True = dark), without quiet zone; error level M.

    Always a regular QR code (never a Micro QR, which phone cameras don't read);
    for URLs, which are too long for Micro QR anyway, this is the same symbol
    as ``segno.make(payload, error="m")``.
    """
    qr = segno.make(payload, error="m", micro=False)
    return [[bool(module) for module in row] for row in qr.matrix]


def _draw_qr(c: canvas.Canvas, matrix: list[list[bool]], x: float, y: float, size: float):
    """Draw the dark modules as filled rectangles, lower left corner at (x, y).

    Dark modules are merged into horizontal runs per row and filled as one
    path (no hairline seams between neighbouring modules). The rectangles are
    written in module units under a scaling transform, as literal path
    operators: formatting thousands of floats through ReportLab's pure-Python
    number formatter would otherwise dominate the rendering time.
    """
    count = len(matrix)
    ops = []
    for row_index, row in enumerate(matrix):
        row_y = count - 1 - row_index
        start = None
        for col, dark in enumerate(row):
            if dark and start is None:
                start = col
            elif not dark and start is not None:
                ops.append(f"{start} {row_y} {col - start} 1 re")
                start = None
        if start is not None:
            ops.append(f"{start} {row_y} {count - start} 1 re")
    c.saveState()
    c.translate(x, y)
    c.scale(size / count, size / count)
    ops.append("f")
    c.addLiteral("\n".join(ops))
    c.restoreState()


# --- Rendering ------------------------------------------------------------------


def _draw_lines_centred(c, lines, font, size, centre_x, first_baseline, leading=1.22):
    c.setFont(font, size)
    for index, line in enumerate(lines):
        c.drawCentredString(centre_x, first_baseline - index * size * leading, line)


def _draw_frame(c: canvas.Canvas, primary) -> None:
    c.setFillColor(primary)
    c.rect(0, 0, PAGE_WIDTH, PAGE_HEIGHT, stroke=0, fill=1)
    c.setFillColor(colors.white)
    c.rect(_BAND, _BAND, PAGE_WIDTH - 2 * _BAND, PAGE_HEIGHT - 2 * _BAND, stroke=0, fill=1)
    c.setStrokeColor(primary)
    c.setLineWidth(0.8)
    inset = _RULE_INSET
    c.rect(inset, inset, PAGE_WIDTH - 2 * inset, PAGE_HEIGHT - 2 * inset, stroke=1, fill=0)


def _draw_logo(c: canvas.Canvas, design: CertificateDesign, primary) -> float:
    """Draw the logo at the top centre; return the y of its lower edge."""
    box_w, box_h = _LOGO_BOX
    if design.logo_path:
        reader = _image_reader(design.logo_path, _LOGO_BOX)
        img_w, img_h = reader.getSize()
        scale = min(box_w / img_w, box_h / img_h)
        drawn_h = img_h * scale
        c.drawImage(
            reader,
            (PAGE_WIDTH - box_w) / 2,
            _LOGO_TOP - box_h,
            box_w,
            box_h,
            mask="auto",
            preserveAspectRatio=True,
            anchor="n",
        )
        return _LOGO_TOP - drawn_h
    size, lines = fit_text(design.organisation_name, _FONT_BOLD, 17, 11, 420, max_lines=2)
    c.setFillColor(primary)
    first_baseline = _LOGO_TOP - size
    _draw_lines_centred(c, lines, _FONT_BOLD, size, PAGE_WIDTH / 2, first_baseline)
    bottom = first_baseline - (len(lines) - 1) * size * 1.22 - size * 0.3
    # A short rule under the text logo, in the spirit of a letterhead.
    c.setStrokeColor(primary)
    c.setLineWidth(1.2)
    c.line(PAGE_WIDTH / 2 - 22, bottom - 6, PAGE_WIDTH / 2 + 22, bottom - 6)
    return bottom - 6


def _draw_body(c, design, content, primary, top: float) -> None:
    available = top - _BODY_BOTTOM
    for scale in (1.0, 0.9, 0.8, 0.7, 0.6):
        blocks = _body_blocks(design, content, primary, scale)
        height = _blocks_height(blocks)
        if height <= available:
            break
    # Centre the block vertically in the space between logo and footer.
    y = top - max(0.0, (available - height) / 2)
    for block in blocks:
        y -= block.space_before
        c.setFillColor(block.color)
        # Baseline at about the font's ascent below the top of the line box.
        first_baseline = y - block.size * 0.95
        _draw_lines_centred(
            c, block.lines, block.font, block.size, PAGE_WIDTH / 2, first_baseline, block.leading
        )
        y -= len(block.lines) * block.size * block.leading


def _draw_signature(c: canvas.Canvas, design: CertificateDesign) -> None:
    box_w, box_h = _SIGNATURE_BOX
    cx = _SIGNATURE_CENTRE_X
    if design.signature_path:
        reader = _image_reader(design.signature_path, _SIGNATURE_BOX)
        c.drawImage(
            reader,
            cx - box_w / 2,
            _SIGNATURE_LINE_Y + 3,
            box_w,
            box_h,
            mask="auto",
            preserveAspectRatio=True,
            anchor="s",
        )
    c.setStrokeColor(_MUTED_COLOR)
    c.setLineWidth(0.6)
    c.line(cx - box_w / 2, _SIGNATURE_LINE_Y, cx + box_w / 2, _SIGNATURE_LINE_Y)
    width = box_w + 50
    c.setFillColor(_TEXT_COLOR)
    size, lines = fit_text(design.signatory_name, _FONT_BOLD, 11, 8, width, max_lines=1)
    baseline = _SIGNATURE_LINE_Y - 15
    _draw_lines_centred(c, lines, _FONT_BOLD, size, cx, baseline)
    c.setFillColor(_MUTED_COLOR)
    role_size, role_lines = fit_text(design.signatory_role, _FONT, 9, 7, width, max_lines=2)
    _draw_lines_centred(c, role_lines, _FONT, role_size, cx, baseline - 13)


def _draw_verification(c: canvas.Canvas, content: CertificateContent, primary) -> None:
    labels = _labels(content.language)
    matrix = qr_matrix(content.verify_url)
    x = _QR_RIGHT - _QR_SIZE
    y = _QR_BOTTOM
    quiet = _QR_SIZE / len(matrix) * _QR_QUIET_MODULES
    zone = (x - quiet, y - quiet, _QR_SIZE + 2 * quiet, _QR_SIZE + 2 * quiet)
    c.setFillColor(colors.white)
    c.rect(*zone, stroke=0, fill=1)
    c.setFillColor(colors.black)
    _draw_qr(c, matrix, x, y, _QR_SIZE)
    # Clickable QR area; also lets software read the payload back from the PDF.
    c.linkURL(
        content.verify_url,
        (zone[0], zone[1], zone[0] + zone[2], zone[1] + zone[3]),
        relative=0,
        thickness=0,
    )

    # Caption, right-aligned next to the QR code, bottom-aligned with it.
    right = zone[0] - 4
    width = right - _CAPTION_LEFT
    url_size, url_lines = fit_text(content.verify_url, _FONT, 8.5, 6, width, max_lines=3)
    code_text = f"{labels['code']}: {content.code}"
    code_size, code_lines = fit_text(code_text, _FONT_BOLD, 10, 7, width, max_lines=1)
    baseline = y + 2
    c.setFillColor(_TEXT_COLOR)
    c.setFont(_FONT_BOLD, code_size)
    for line in code_lines:
        c.drawRightString(right, baseline, line)
    baseline += code_size * 1.22 + 6
    c.setFillColor(primary)
    c.setFont(_FONT, url_size)
    for line in reversed(url_lines):
        c.drawRightString(right, baseline, line)
        baseline += url_size * 1.22
    c.setFillColor(_MUTED_COLOR)
    c.setFont(_FONT, 8.5)
    c.drawRightString(right, baseline + 1, labels["verify"])


def render_certificate(design: CertificateDesign, content: CertificateContent) -> bytes:
    """The certificate as PDF bytes; the same inputs give the same bytes."""
    lang = _language(content.language)
    rl_config.useA85 = _USE_A85
    primary = colors.HexColor(design.primary_color)
    buffer = io.BytesIO()
    c = canvas.Canvas(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        invariant=1,
        pageCompression=1,
        initialFontName=_FONT,
        lang=lang,
    )
    c.setTitle(f"{design.heading} \u2013 {content.recipient_name}")
    c.setAuthor(design.organisation_name)
    c.setSubject(content.subject_title)

    _draw_frame(c, primary)
    logo_bottom = _draw_logo(c, design, primary)
    _draw_body(c, design, content, primary, top=logo_bottom - 16)
    _draw_signature(c, design)
    _draw_verification(c, content, primary)

    c.showPage()
    c.save()
    return buffer.getvalue()
