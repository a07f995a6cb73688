#!/usr/bin/env bash
# print KIND NUMBER -o FILE (DESIGN §3, §7; issue 6), in Chinese, checked from the outside:
# qpdf --check, the font embedded as a subset (pdffonts), the Chinese text given back
# (pdftotext: company, customer, products, amounts in words), a 60-line slip over pages with
# its header repeated, the paper sizes (pdfinfo), photos embedded upright (pdfimages), a
# reprint that says 第 2 次打印 and is otherwise the same, the archive rows and hashes against
# the bytes, the settings documents use, and refusals that leave no file and write nothing.
. "$(dirname "$0")/tap.sh"
export LANGUAGE=zh_CN LC_ALL=C.UTF-8
. "$(dirname "$0")/returns-setup.sh"
. "$(dirname "$0")/return-stages-setup.sh"

pdf=$work/pdf; mkdir -p "$pdf"
text () { pdftotext -layout "$1" - 2>/dev/null; }
pages () { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }
size () { pdfinfo "$1" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 \2/p'; }
sha () { sha256sum "$1" | cut -d' ' -f1; }
# has TEXT PATTERN…: every pattern is found in the text.
has () { local t=$1; shift; for p in "$@"; do grep -q -- "$p" <<< "$t" || { echo "# missing: $p"; return 1; }; done; }
# sql QUERY: a value from the database, read behind restock-cli's back.
sql () { sqlite3 "$RESTOCK_DB" "$1"; }
# valid FILE: qpdf finds no error and every font is an embedded subset (name XXXXXX+…).
valid () {
  qpdf --check "$1" > /dev/null 2>&1 &&
  pdffonts "$1" | tail -n +3 | awk 'BEGIN { n = 0 } { n++; if ($1 !~ /^[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z]\+/ || $(NF-4) != "yes" || $(NF-3) != "yes") bad = 1 }
                                   END { exit (n == 0 || bad) }'
}
# A phone photo: JPEG, 1200 × 900 pixels, with an EXIF orientation tag (6: turn a quarter clockwise).
photo () {
  convert -size 1200x900 gradient:orange-navy -fill white -draw "rectangle 100,100 500,300" "$1"
  [ -n "${2:-}" ] && /usr/bin/python3 - "$1" "$2" <<'EOF'
import sys
path, orientation = sys.argv[1], int(sys.argv[2])
data = open(path, 'rb').read()
exif = bytes([0xFF, 0xE1, 0x00, 0x22]) + b'Exif\0\0' + b'II\x2a\x00\x08\x00\x00\x00' + b'\x01\x00' \
       + b'\x12\x01\x03\x00\x01\x00\x00\x00' + bytes([orientation, 0, 0, 0]) + b'\0\0\0\0'
open(path, 'wb').write(data[:2] + exif + data[2:])
EOF
  return 0
}

# ---- settings --------------------------------------------------------------------------------
convert -size 240x240 xc:none -fill '#C8102E' -draw "circle 120,120 120,20" -fill '#1F4EA0' \
        -draw "polygon 120,50 190,120 120,190 50,120" "$work/logo.png"
cli settings set company.address "上海市浦东新区张江路 88 号"
cli settings set company.phone "021-5080 1234"
cli --json settings set company.logo "$work/logo.png"
check "settings: address, phone and logo set" [ $rc = 0 -a "$(json '["company.logo"]')" = "$(sha "$work/logo.png")" ]
check "settings: the logo is in the file store under its SHA-256" \
  [ "$(sha "$work/attachments/$(sha "$work/logo.png" | cut -c1-2)/$(sha "$work/logo.png")")" = "$(sha "$work/logo.png")" ]
cli --json settings show
check "settings show: the document settings" \
  [ "$(json '["company.address"]')" = "上海市浦东新区张江路 88 号" -a "$(json '["print.template"]')" = "" -a "$(json '["company.name"]')" = 华东商贸有限公司 ]
refused "settings: an unknown paper" 1 "form241" -- cli settings set print.template letter
refused "settings: a font file that does not exist" 1 "fonts-wqy-microhei" -- cli settings set print.font /no/such.ttf
printf 'not a picture, only text\n' > "$work/logo.png"
refused "settings: a logo that is no picture" 1 "PNG" -- cli settings set company.logo "$work/logo.png"
# The open database itself is no file to read as a logo (rs-file-guard): refused, nothing written.
refused "settings: the database as a logo" 1 "restock.db" -- cli settings set company.logo "$RESTOCK_DB"
refused "settings: a keeper may not change them" 3 "" -- as kp settings set company.phone 110
refused "settings: an unknown key" 2 "company.name" -- cli settings set company.fax 123

# ---- the documents of one return, and a 60-line slip ------------------------------------------
approved --line P-1:2:99 --line P-2:1:3000
R_FULL=$R
as kp return receive "$R" --warehouse WH1 --line P-1:2 --line P-2:1
photo "$work/划痕.jpg" 6
photo "$work/外箱.jpg"
as kp --json return inspect "$R" --line P-1 --check packaging=fail --check accessories=pass --check appearance=pass \
   --check function=pass --check serial=SN-2026-001 --photo packaging="$work/外箱.jpg" --photo "$work/划痕.jpg" \
   --remark "外箱压痕两处"
JY=$(jv 'v["number"]')
as kp return inspect "$R" --line P-2 --check packaging=pass --check accessories=pass --check appearance=pass \
   --check function=pass --check serial=SN-9
as kp return dispose "$R" --line P-1:2:scrap --line P-2:1:restock@A2
as fin return cost "$R" --kind refund --amount 3198
as fin return cost "$R" --kind freight --amount 12.50 --remark 顺丰到付
as fin --json settlement new --from 2026-11-01 --to 2026-11-30
BZ=$(jv 'v["number"]')
as fin settlement approve "$BZ"
check "a return received, inspected with two photos, disposed, costed and settled ($R, $JY, $BZ)" [ $rc = 0 -a -n "$JY" ]

# 60 products by import, then an in-slip of 60 lines at 10.00 each: 600.00 in all.
{ echo "商品编码,商品名称,规格型号,单位"; for i in $(seq -w 1 60); do echo "BK-$i,办公椅 $i 号,人体工学 网布,把"; done; } > "$work/products.csv"
cli import products "$work/products.csv"
lines=(); for i in $(seq -w 1 60); do lines+=(--line "BK-$i:1@A1:10"); done
cli slip new --kind in --purpose purchase --warehouse WH1 --partner S001 --remark "六十种办公椅，分三层码放" "${lines[@]}"
RK60=$out
cli slip post "$RK60"
check "a posted in-slip of 60 lines ($RK60)" [ $rc = 0 ]

# ---- a 60-line slip -------------------------------------------------------------------------
cli --json print slip "$RK60" -o "$pdf/slip60.pdf"
check "slip: printed (exit 0), the first print" [ $rc = 0 -a "$(json '["copy"]')" = 1 -a -f "$pdf/slip60.pdf" ]
check "slip: qpdf --check passes; the font is embedded as a subset" valid "$pdf/slip60.pdf"
t=$(text "$pdf/slip60.pdf")
n=$(pages "$pdf/slip60.pdf")
check "slip: 60 lines span $n pages (≥ 2) and say so" [ "$n" -ge 2 -a "$(json '["pages"]')" = "$n" ]
# Pages split at form feeds; a page with rows of the table (a line number and a SKU) has its header.
check "slip: the header row is repeated on every page with rows" /usr/bin/python3 -c "
import sys
pages = [p for p in sys.stdin.read().split('\f') if p.strip()]
with_rows = [p for p in pages if any(l.split()[:2] and l.split()[0].isdigit() and l.split()[1].startswith('BK-') for l in p.splitlines())]
sys.exit(not (len(with_rows) >= 2 and all('品名规格' in p for p in with_rows)))" <<< "$t"
check "slip: every page is numbered 第 i 页 / 共 $n 页" \
  [ "$(tr -d ' ' <<< "$t" | grep -o "第[0-9]*页/共${n}页" | tr '\n' ' ')" = "$(for i in $(seq 1 "$n"); do printf '第%s页/共%s页 ' "$i" "$n"; done)" ]
check "slip: title, company, address and phone in Chinese" has "$(tr -d ' \n' <<< "$t")" 入库单 华东商贸有限公司 '张江路88号' '电话021-50801234'
check "slip: the supplier and the first and last product" has "$t" 深圳电子 '办公椅 01 号 人体工学 网布' '办公椅 60 号'
check "slip: total 600.00 and the amount in words 陆佰元整" has "$t" '600.00' 陆佰元整
check "slip: signature lines 制单人 审核人 仓管员 送货人" has "$t" '制单人.*审核人.*仓管员.*送货人'
check "slip: no reprint mark on the first print" [ "$(grep -c '次打印' <<< "$t")" = 0 ]

# ---- a reprint ------------------------------------------------------------------------------
cli --json print slip "$RK60" -o "$pdf/slip60-again.pdf"
check "reprint: the second print" [ $rc = 0 -a "$(json '["copy"]')" = 2 ]
t2=$(text "$pdf/slip60-again.pdf")
check "reprint: every page says 第 2 次打印" [ "$(grep -c '第 2 次打印' <<< "$t2")" = "$n" ]
# Columns may shift by a space in pdftotext's layout; the words must be the same.
check "reprint: otherwise the same text" [ "$(sed 's/第 2 次打印//' <<< "$t2" | tr -d ' \n')" = "$(tr -d ' \n' <<< "$t")" ]
cli --json print list slip "$RK60"
check "archive: two prints, copy 1 and 2, by admin, A4" \
  [ "$(jv '[(p["copy"], p["printed_by"], p["template"]) for p in v["prints"]]')" = "[(1, 'admin', 'a4'), (2, 'admin', 'a4')]" ]
check "archive: the SHA-256 and sizes are those of the files written" \
  [ "$(jv '[(p["sha256"], p["size"]) for p in v["prints"]]')" = "[('$(sha "$pdf/slip60.pdf")', $(stat -c %s "$pdf/slip60.pdf")), ('$(sha "$pdf/slip60-again.pdf")', $(stat -c %s "$pdf/slip60-again.pdf"))]" ]
s1=$(sha "$pdf/slip60.pdf")
check "archive: the stored copy has exactly the bytes printed" cmp -s "$pdf/slip60.pdf" "$work/attachments/${s1:0:2}/$s1"
check "archive: rows in the table print, time as RESTOCK_NOW" \
  [ "$(sql "SELECT group_concat(copy || ':' || pages || ':' || printed_at, ' ') FROM print WHERE number = '$RK60'")" = "1:$n:1795694400000000 2:$n:1795694400000000" ]
check "archive: every print is in the audit log" \
  [ "$(sql "SELECT count(*) FROM audit WHERE action = 'document.print' AND object_key = '$RK60'")" = 2 ]

# ---- every kind on every paper ------------------------------------------------------------
declare -A numbers=([slip]="RK$D-0001" [return]="$R_FULL" [inspection]="$JY" [settlement]="$BZ" [dossier]="$R_FULL")
declare -A papers=([a4]="595.276 841.89" [a5]="595.276 419.528" [form241]="683.15 396.85")
for kind in slip return inspection settlement dossier; do
  for paper in a4 a5 form241; do
    f=$pdf/$kind-$paper.pdf
    cli print "$kind" "${numbers[$kind]}" -o "$f" --template "$paper"
    check "$kind on $paper: printed" [ $rc = 0 ]
    check "$kind on $paper: qpdf --check passes, the font is an embedded subset" valid "$f"
    check "$kind on $paper: every page ${papers[$paper]} pt" [ "$(pdfinfo -f 1 -l 99 "$f" | sed -n 's/^Page *[0-9]* size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 \2/p' | sort -u)" = "${papers[$paper]}" ]
  done
done
# The labels run down the right edge, a character a line: read them without the layout.
check "form241: the copy labels 存根联 客户联 仓库联 along its edge" has "$(pdftotext "$pdf/slip-form241.pdf" - | tr -d ' \n')" 存根联 客户联 仓库联
check "A4: no copy labels" [ "$(pdftotext "$pdf/slip-a4.pdf" - | tr -d ' \n' | grep -c 存根联)" = 0 ]

t=$(text "$pdf/return-a4.pdf")
check "return: 退货单 with the RMA number, customer, products, reason" has "$t" 退货单 "$R_FULL" 华东商贸 螺丝刀 电钻 质量问题
check "return: the refund value 3,198.00 in words 叁仟壹佰玖拾捌元整" has "$t" '3,198.00' 叁仟壹佰玖拾捌元整
check "return: both approval levels signed, by svc and mgr" has "$t" '客服 *svc' '主管 *mgr'
check "return: …each marked 已批准" [ "$(grep -c '已批准' <<< "$t")" = 2 ]

t=$(text "$pdf/inspection-a4.pdf")
check "inspection: 检验报告 with its number, product, inspector, verdict and remark" \
  has "$t" 检验报告 "$JY" 螺丝刀 '检验员： *kp' '检验结论： *不合格' 外箱压痕两处 SN-2026-001
check "inspection: start and finish times" has "$t" '开始时间： *2026-11-26' '结束时间： *2026-11-26'
# pdfimages -list: the logo (RGB pixels) and the two photos (JPEG), the turned one portrait.
imgs=$(pdfimages -list "$pdf/inspection-a4.pdf" | tail -n +3)
check "inspection: both photos embedded as JPEG, besides the logo" [ "$(grep -c ' jpeg ' <<< "$imgs")" = 2 ]
check "inspection: the photo tagged 'turn a quarter' is embedded upright (portrait)" \
  awk '$9 == "jpeg" && $4 < $5 { p++ } $9 == "jpeg" && $4 > $5 { l++ } END { exit !(p == 1 && l == 1) }' <<< "$imgs"
check "inspection: captions name the item and the file" has "$t" '照片 1：外包装 · 外箱.jpg' '照片 2：整体 · 划痕.jpg'

t=$(text "$pdf/settlement-a4.pdf")
as fin --json settlement show "$BZ"
total=$(jv 'v["total"]')
check "settlement: 报账单 with the return, customer, refund and freight" has "$t" 报账单 "$R_FULL" 华东商贸 '3,198.00' '12.50'
shown_total=$(/usr/bin/python3 -c "print(f'{float(\"$total\"):,.2f}')")
check "settlement: the total $shown_total (scrap loss included) in words" has "$t" "$shown_total" '合计金额（大写）'
check "settlement: signature lines 制单人 审批人 财务主管 负责人" has "$t" '制单人.*审批人.*财务主管.*负责人'

t=$(text "$pdf/dossier-a4.pdf")
for section in 退货档案 退货明细 审批记录 收货记录 "检验单 $JY" 检验照片 处理 关联单据 费用 处理时间线; do
  check "dossier: has 「$section」" grep -q "$section" <<< "$t"
done
as view --json return show "$R_FULL"
for slip in $(jv '" ".join(s["number"] for s in v["slips"])'); do
  check "dossier: the linked slip $slip" has "$t" "$slip"
done
check "dossier: every photo of every inspection" [ "$(pdfimages -list "$pdf/dossier-a4.pdf" | grep -c ' jpeg ')" = 2 ]
check "dossier: the timeline from 登记 to 报账" has "$t" 登记 提交审批 审批通过 收货 检验完成 处理 登记费用 报账

# ---- the default paper from the settings ------------------------------------------------------
cli settings set print.template form241
cli --json print return "$R_FULL" -o "$pdf/return-default.pdf"
check "print.template form241: a print without --template is on the 241 mm form" \
  [ $rc = 0 -a "$(json '["template"]')" = form241 -a "$(size "$pdf/return-default.pdf")" = "683.15 396.85" ]
cli settings set print.template ""

# ---- a damaged photo is not printed as if it were fine --------------------------------------
photo_sha=$(sha "$work/外箱.jpg")
cp "$work/attachments/${photo_sha:0:2}/$photo_sha" "$work/photo.bak"
printf 'garbage' >> "$work/attachments/${photo_sha:0:2}/$photo_sha"
cli print inspection "$JY" -o "$pdf/damaged.pdf"
check "damaged photo: still printed (exit 0)" [ $rc = 0 ]
check "damaged photo: a warning on stderr names it" has "$err" '外包装 · 外箱.jpg'
check "damaged photo: a note in its place" has "$(pdftotext "$pdf/damaged.pdf" - | tr -d ' \n')" '未打印：存储的文件缺失或已损坏'
check "damaged photo: one photo fewer" [ "$(pdfimages -list "$pdf/damaged.pdf" | grep -c ' jpeg ')" = 1 ]
cp "$work/photo.bak" "$work/attachments/${photo_sha:0:2}/$photo_sha"

# ---- refusals: nothing written, no file -----------------------------------------------------
mkdir -p "$work/out"
refused "unknown number" 1 "TH20990101-0001" -- cli print return TH20990101-0001 -o "$work/out/x.pdf"
check "unknown number: no file" [ -z "$(ls -A "$work/out")" ]
refused "a slip number is no inspection" 1 "" -- cli print inspection "$RK60" -o "$work/out/x.pdf"
refused "unknown kind of document" 1 "dossier" -- cli print invoice "$RK60" -o "$work/out/x.pdf"
refused "unknown paper" 1 "form241" -- cli print slip "$RK60" -o "$work/out/x.pdf" --template letter
refused "no -o" 2 "" -- cli print slip "$RK60"
refused "output in a folder that does not exist" 1 "$work/nowhere/x.pdf" -- cli print slip "$RK60" -o "$work/nowhere/x.pdf"
refused "output onto a folder" 1 "" -- cli print slip "$RK60" -o "$work/out"
check "refusals: no file and no temporary file left" [ -z "$(ls -A "$work/out")" -a ! -e "$work/nowhere" ]
printf 'the old file' > "$work/out/keep.pdf"
printf '<?xml version="1.0"?><fontconfig></fontconfig>' > "$work/empty-fonts.conf"
FONTCONFIG_FILE=$work/empty-fonts.conf refused "no CJK font installed" 1 "fonts-wqy-microhei" -- cli print slip "$RK60" -o "$work/out/keep.pdf"
check "no CJK font: the file that was there is left as it was, nothing else written" \
  [ "$(cat "$work/out/keep.pdf")" = "the old file" -a "$(ls -A "$work/out")" = keep.pdf ]
cli settings set print.font /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
if [ $rc = 0 ]; then
  refused "a configured font without Chinese" 1 "fonts-wqy-microhei" -- cli print slip "$RK60" -o "$work/out/keep.pdf"
  cli settings set print.font ""
fi
cli user disable view
refused "a disabled account may not print" 1 "停用" -- as view print slip "$RK60" -o "$work/out/x.pdf"
check "disabled account: no file" [ ! -e "$work/out/x.pdf" ]
cli user add view2 --role viewer
as view2 --json print slip "$RK60" -o "$work/out/x.pdf"
check "a viewer may print (printing needs only an enabled account)" [ $rc = 0 -a "$(json '["copy"]')" = 3 -a "$(json '["printed_by"]')" = view2 ]

cli --json audit verify
check "the audit log verifies after all the prints" [ $rc = 0 -a "$(json '["intact"]')" = True ]
cli --json check
check "check: the stored files (PDFs included) match their hashes" [ $rc = 0 ]

done_testing
