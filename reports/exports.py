"""The figures as a CSV or an XLSX file: the dashboard's tables, in order.
CSV: one file, each table under its title with a blank line between them;
XLSX (openpyxl): a sheet per table. Course titles are typed by editors, so
text is never written as a formula a spreadsheet would run."""

import csv
import io
from datetime import date
from decimal import Decimal

from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from .figures import Figures
from .tables import Cell, Table, all_tables

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def filename(figures: Figures, extension: str) -> str:
    """e.g. cijfers-2026-01-01-2026-12-31-rotterdam.csv"""
    where = figures.municipality.name if figures.municipality else _("all municipalities")
    period = f"{figures.period.start:%Y-%m-%d}-{figures.period.end:%Y-%m-%d}"
    return f"{slugify(_('figures'))}-{period}-{slugify(where)}.{extension}"


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return f"{value:%Y-%m}"
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def as_csv(figures: Figures) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    for index, table in enumerate(all_tables(figures)):
        if index:
            writer.writerow([])
        writer.writerow([table.title])
        writer.writerow(table.header)
        writer.writerows([_csv_cell(cell) for cell in row] for row in table.rows)
    return out.getvalue()


def _sheet_title(table: Table) -> str:
    # Excel's limits: 31 characters, none of []:*?/\
    return "".join(ch for ch in table.title if ch not in "[]:*?/\\")[:31]


def as_xlsx(figures: Figures) -> bytes:
    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for table in all_tables(figures):
        sheet = book.create_sheet(_sheet_title(table))
        sheet.append(table.header)
        for cell in sheet[1]:
            cell.font = bold
        for values in table.rows:
            sheet.append([float(v) if isinstance(v, Decimal) else v for v in values])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, date):
                    cell.number_format = "mmmm yyyy"
                elif cell.data_type == "f":  # text that looks like a formula stays text
                    cell.data_type = "s"
        sheet.column_dimensions["A"].width = max(
            [len(str(row[0] or "")) for row in table.rows] + [len(table.header[0]), 12]
        )
        sheet.freeze_panes = "B2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
