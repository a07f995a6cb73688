#!/usr/bin/env bash
# import and export through restock-cli: every list out as XLSX (read back by Debian's openpyxl)
# and CSV, checked against --json; import previews that write nothing, --json outcomes, exit codes;
# and in zh_CN the exported Chinese header imports back.
. "$(dirname "$0")/tap.sh"
here=$(dirname "$0")
data="$here/../data"
export RESTOCK_NOW=2026-11-26T12:00:00Z

cli init --company "华东商贸有限公司"
cli warehouse add WH1 主仓库 && cli location add WH1 A1
cli product add P-1 螺丝刀 --unit 把 --cost 12.5 --price 20 --category 工具 --barcode 6900001 --spec "十字, 3 号"
cli product add P-2 电缆 --unit 米 --decimals 1 --price 1234567.89
cli product add P-3 "旧型号\"A\"" --unit 个 && cli product deactivate P-3
cli customer add 华东商贸 --phone "+86 21 5555 0000" --address "上海市浦东新区
张江路 1 号" --email hd@example.com
cli supplier add 深圳电子 --code S001 --contact 陈工
number=$("$RESTOCK_CLI" slip new --kind in --purpose purchase --warehouse WH1 --partner 深圳电子 --remark "+急件 首批" \
         --line P-1:10@A1:12.50 --line P-2:2.5@A1)
cli slip post "$number"
check "the company is set up" [ $rc = 0 ]

# ---- export: every list, XLSX and CSV, against --json --------------------------------------
declare -A listing=([products]="product list --all" [customers]="customer list --all"
                    [suppliers]="supplier list --all" [stock]="stock" [ledger]="ledger" [slips]="slip list")
for list in products customers suppliers stock ledger slips; do
  cli --json ${listing[$list]}
  printf '%s' "$out" | /usr/bin/python3 "$here/export-expected.py" "$list" > "$work/$list.expected.json"
  cli --json export $list --xlsx "$work/$list.xlsx" --all
  check "export $list --xlsx succeeds" [ $rc = 0 -a "$(json '["format"]')" = xlsx ]
  rows=$(json '["rows"]')
  cli export $list --csv "$work/$list.csv" --all
  check "export $list --csv succeeds" [ $rc = 0 ]
  check "export $list: openpyxl reads back the header, values and types; the CSV holds the same" \
    /usr/bin/python3 "$here/check-export.py" "$work/$list.xlsx" "$work/$list.csv" "$work/$list.expected.json"
  check "export $list: --json counts the rows ($rows)" \
    [ "$rows" = "$(/usr/bin/python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['rows']))" "$work/$list.expected.json")" ]
done
check "export products without --all leaves the deactivated out" \
  bash -c '"$RESTOCK_CLI" --json export products --csv "$1/active.csv" | grep -q "\"rows\":2"' _ "$work"

# A product with decimals shows them: 2.5 m with the format 0.0, money with two decimals.
check "the XLSX quantity keeps the product's decimals and money its two" /usr/bin/python3 - "$work/stock.xlsx" <<'EOF'
import os, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
cable = [r for r in ws.iter_rows(min_row=2) if r[3].value == "P-2"][0]
assert cable[5].value == 2.5 and cable[5].number_format == "0.0", (cable[5].value, cable[5].number_format)
products = openpyxl.load_workbook(os.path.join(os.path.dirname(sys.argv[1]), "products.xlsx")).worksheets[0]
assert products["I3"].value == 1234567.89 and products["I3"].number_format == "#,##0.00"
EOF
check "the CSV keeps Chinese and defuses the formula-like remark with an apostrophe" \
  grep -q "^RK20261126-0001,.*,深圳电子,'+急件 首批,2," "$work/slips.csv"
check "the CSV quotes a comma" grep -q '^P-1,螺丝刀,"十字, 3 号",把,' "$work/products.csv"
cli export products --csv "$work/x.csv" --xlsx "$work/x.xlsx"
check "--csv and --xlsx together is a usage error (exit 2)" [ $rc = 2 ]
cli export returns --csv "$work/x.csv"
check "an unknown list is a usage error (exit 2)" [ $rc = 2 ]
cli export products --xlsx "$work/no-such-folder/x.xlsx"
check "an unwritable file is refused (exit 1) without leaving a file" [ $rc = 1 -a ! -e "$work/no-such-folder" ]

# ---- import: preview, import, outcomes -----------------------------------------------------
before=$(db_dump)
cli import products "$data/products-utf8-bom-crlf.csv" --dry-run
check "import --dry-run succeeds" [ $rc = 0 ]
check "…and writes nothing" [ "$before" = "$(db_dump)" ]
check "…and lists every row with its outcome" grep -q "^Row 5	Refused	cp-001	重复的编码	The SKU “cp-001” is on row 2" <<< "$out"
check "…and sums it up" grep -q "^Would add 3, update 0, leave 0 unchanged, refuse 10. Dry run: nothing was written." <<< "$out"
cli --json import products "$data/products-gbk.csv" --dry-run
check "--json gives the encoding and header row" [ "$(json '["encoding"]')" = GB18030 -a "$(json '["header_row"]')" = 2 ]
check "--json gives the counts and each row" [ "$(json '["added"]')" = 3 -a "$(json '["rows"][1]["key"]')" = GB-002 ]
check "…and still writes nothing" [ "$before" = "$(db_dump)" ]

cli --json import products "$data/products-utf8-bom-crlf.csv"
check "import writes the good rows and reports the refused ones" \
  [ $rc = 0 -a "$(json '["added"]')" = 3 -a "$(json '["refused"]')" = 10 -a "$(json '["rows"][4]["outcome"]')" = refused ]
cli --json product show CP-002
check "…with the doubled quote and the amount with a thousands separator" \
  [ "$(json '["product"]["name"]')" = '15.6" 笔记本电脑包' -a "$(json '["product"]["list_price"]')" = 1299.00 ]
cli import customers "$data/customers-utf8.csv"
check "import customers prints only the refused rows…" [ $rc = 0 -a "$(grep -c '^Row' <<< "$out")" = 3 ]
check "…and the sum" grep -q "^Added 3, updated 0, unchanged 0, refused 3." <<< "$out"
cli --json customer show 深圳电器城
check "a quoted address keeps its line breaks" [ "$(json '["customer"]["address"]')" = "$(printf '深圳市福田区\n华强北路 2 号\n3 楼')" ]
cli import suppliers "$data/suppliers-gbk.csv"
check "import suppliers from GBK" grep -q "^Added 2, updated 0, unchanged 0, refused 1." <<< "$out"
cli --json audit list --limit 1
check "the import is in the audit log" [ "$(json '["audit"][0]["action"]')" = supplier.import ]

before=$(db_dump)
cli import products
check "import without a file is a usage error (exit 2)" [ $rc = 2 ]
cli import returns "$data/products-gbk.csv"
check "import of an unknown kind is a usage error (exit 2)" [ $rc = 2 ]
printf 'a,b\n1,2\n' > "$work/no-header.csv"
cli import products "$work/no-header.csv"
check "a file without a header is refused (exit 1)…" [ $rc = 1 ]
check "…saying what the header needs" grep -q "No header row names the SKU and product name columns" <<< "$err"
check "usage errors and refusals wrote nothing" [ "$before" = "$(db_dump)" ]
RESTOCK_NEW_PASSWORD=viewer-pass-1 cli user add kan --role viewer
products=$(sqlite3 "$RESTOCK_DB" 'SELECT * FROM product; SELECT * FROM category')
RESTOCK_PASSWORD=viewer-pass-1 cli --user kan import products "$data/products-gbk.csv" --dry-run
check "a viewer may not even preview an import (exit 3)" [ $rc = 3 ]
RESTOCK_PASSWORD=viewer-pass-1 cli --user kan export products --csv "$work/kan.csv"
check "…but may export (exit 0)" [ $rc = 0 -a -s "$work/kan.csv" ]
check "the viewer changed no product" [ "$products" = "$(sqlite3 "$RESTOCK_DB" 'SELECT * FROM product; SELECT * FROM category')" ]

# ---- zh_CN: a Chinese header out, and back in --------------------------------------------
LANGUAGE=zh_CN cli export products --csv "$work/商品.csv"
check "in zh_CN the CSV header is Chinese" \
  bash -c 'head -1 "$1" | grep -q "^.\{0,1\}商品编码,商品名称,规格型号,单位,小数位数,条码,类别,成本价,售价,状态"' _ "$work/商品.csv"
LANGUAGE=zh_CN cli --json import products "$work/商品.csv" --dry-run
check "the Chinese export imports back: every product unchanged" \
  [ $rc = 0 -a "$(json '["unchanged"]')" = 5 -a "$(json '["ignored_columns"][0]')" = 状态 ]
LANGUAGE=zh_CN cli import products "$data/products-english.tsv" --dry-run
check "zh_CN preview rows are in Chinese" grep -q "^第 4 行	拒绝	EN-003" <<< "$out"

done_testing
