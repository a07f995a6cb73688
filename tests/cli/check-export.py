#!/usr/bin/python3
"""check-export.py XLSX CSV EXPECTED.json — reads an exported list back with a spreadsheet
library that is not ours (Debian's python3-openpyxl) and the CSV with Python's csv module.

EXPECTED: {"header": [...], "rows": [[...], ...], "types": {"column name": "text|integer|money|
quantity|date|datetime|shown"}} where row values are what `restock-cli --json` said (decimal strings,
ISO dates); "shown" is a translated name for a key, checked to be text and the same in both files.
Checks: the XLSX has that header (bold), a frozen header row, column widths, and in
every row the same values with the right cell types (numbers are numbers with the number format
for their kind, dates are dates); the CSV starts with a UTF-8 BOM, uses CR LF, and holds the same
header and values. Prints one line per problem; exit 1 if any."""
import csv, datetime, decimal, io, json, sys
import openpyxl

xlsx_path, csv_path, expected_path = sys.argv[1:4]
expected = json.load(open(expected_path, encoding="utf-8"))
problems = []

def problem(text):
    problems.append(text)

wb = openpyxl.load_workbook(xlsx_path)
ws = wb.worksheets[0]
rows = list(ws.iter_rows())
header = [c.value for c in rows[0]]
if header != expected["header"]:
    problem(f"xlsx header {header!r} != {expected['header']!r}")
if not all(c.font.b for c in rows[0]):
    problem("xlsx header is not bold")
if ws.freeze_panes != "A2":
    problem(f"xlsx frozen pane is {ws.freeze_panes!r}, not A2")
for i in range(len(header)):
    letter = openpyxl.utils.get_column_letter(i + 1)
    if not ws.column_dimensions[letter].width or ws.column_dimensions[letter].width < 8:
        problem(f"xlsx column {letter} has no width")
if len(rows) - 1 != len(expected["rows"]):
    problem(f"xlsx has {len(rows) - 1} data rows, expected {len(expected['rows'])}")

number_formats = {"money": "#,##0.00", "integer": "0", "date": "yyyy-mm-dd", "datetime": "yyyy-mm-dd hh:mm:ss"}
quantity_formats = ("0", "0.0", "0.00", "0.000")   # by the product's decimals

def check_cell(where, kind, cell, want):
    value = cell.value
    if want is None or want == "":
        if value not in (None, ""):
            problem(f"{where}: {value!r} where nothing was expected")
        return
    if kind == "text":
        if not isinstance(value, str) or value != want:
            problem(f"{where}: text {value!r} != {want!r}")
        return
    if kind == "shown":   # a translated name for a key: text, compared with the CSV below
        if not isinstance(value, str) or not value:
            problem(f"{where}: {value!r} is not text")
        return
    if kind in ("date", "datetime"):
        if not isinstance(value, datetime.datetime) or not cell.is_date:
            problem(f"{where}: {value!r} is not a date")
        elif kind == "date" and value.strftime("%Y-%m-%d") != want:
            problem(f"{where}: date {value:%Y-%m-%d} != {want}")
        elif kind == "datetime" and value.strftime("%Y-%m-%dT%H:%M:%S") != want[:19]:
            problem(f"{where}: time {value.isoformat()} != {want}")
    else:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            problem(f"{where}: {value!r} is not a number")
            return
        if decimal.Decimal(repr(value)) != decimal.Decimal(want):
            problem(f"{where}: number {value!r} != {want}")
    if kind == "quantity":
        if cell.number_format not in quantity_formats:
            problem(f"{where}: number format {cell.number_format!r} is not a quantity's")
    elif cell.number_format != number_formats[kind]:
        problem(f"{where}: number format {cell.number_format!r}, expected {number_formats[kind]!r}")

for r, want_row in enumerate(expected["rows"]):
    if r + 1 >= len(rows):
        break
    for c, name in enumerate(expected["header"]):
        kind = expected["types"].get(name, "text")
        check_cell(f"xlsx row {r + 2} {name}", kind, rows[r + 1][c], want_row[c])

raw = open(csv_path, "rb").read()
if not raw.startswith(b"\xef\xbb\xbf"):
    problem("csv does not start with the UTF-8 BOM")
if not raw.rstrip(b"\r\n").count(b"\r\n") >= len(expected["rows"]):
    problem("csv records do not end with CR LF")
table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
if table[0] != expected["header"]:
    problem(f"csv header {table[0]!r} != {expected['header']!r}")
if len(table) - 1 != len(expected["rows"]):
    problem(f"csv has {len(table) - 1} rows, expected {len(expected['rows'])}")
for r, want_row in enumerate(expected["rows"]):
    if r + 1 >= len(table):
        break
    for c, name in enumerate(expected["header"]):
        kind = expected["types"].get(name, "text")
        got, want = table[r + 1][c], want_row[c] if want_row[c] is not None else ""
        if kind in ("money", "integer", "quantity"):
            if (got == "") != (want == "") or (got and decimal.Decimal(got) != decimal.Decimal(want)):
                problem(f"csv row {r + 2} {name}: {got!r} != {want!r}")
        elif kind == "datetime":
            if got.replace(" ", "T") != want[:19]:
                problem(f"csv row {r + 2} {name}: {got!r} != {want!r}")
        elif kind == "shown":
            if got != rows[r + 1][c].value:
                problem(f"csv row {r + 2} {name}: {got!r} != the xlsx's {rows[r + 1][c].value!r}")
        else:
            # Text a spreadsheet would run as a formula is written with a leading apostrophe.
            if got[:1] == "'" and got[1:2] in ("=", "+", "-", "@"):
                got = got[1:]
            if got != want:
                problem(f"csv row {r + 2} {name}: {got!r} != {want!r}")

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
