#!/usr/bin/env bash
# slip new|post|void|amend|show|list|attach, stock, ledger and check through restock-cli:
# the line grammar, exit codes, --json, refusals that change nothing, concurrent runs.
. "$(dirname "$0")/tap.sh"

# Noon UTC is 26 November in every time zone within ±11 h: the numbers below hold.
export RESTOCK_NOW=2026-11-26T12:00:00Z
D=20261126

cli init --company "华东商贸有限公司"
cli warehouse add WH1 主仓库 && cli location add WH1 A1 && cli location add WH1 A2
cli warehouse add WH2 二号仓库 && cli location add WH2 B1
cli product add P-1 螺丝刀 --unit 把
cli product add P-2 电缆 --unit 米 --decimals 1
cli product add P-3 胶水 --unit 瓶
cli supplier add 深圳电子 --code S001
cli customer add 华东商贸 --code C001
check "master data is set up" [ $rc = 0 ]

# ---- new, show, post ----------------------------------------------------------------
cli slip new --kind in --purpose purchase --warehouse WH1 --partner 深圳电子 --remark 首批 \
    --line P-1:10@A1:12.50 --line P-2:2.5@A2 --line P-3:5@A1:3
check "slip new prints the number" [ $rc = 0 -a "$out" = "RK$D-0001" ]
cli --json slip show RK$D-0001
check "a new slip is a draft" [ "$(json '["state"]')" = draft ]
check "--json quantities are decimal strings" [ "$(json '["lines"][1]["quantity"]')" = 2.5 ]
check "--json unit costs are decimal strings" [ "$(json '["lines"][0]["unit_cost"]')" = 12.50 ]
check "the partner is the supplier" [ "$(json '["partner"]["code"]')" = S001 ]
cli --json stock
check "a draft moves no stock" [ "$(json '["stock"]')" = '[]' ]

cli slip post RK$D-0001
check "slip post succeeds" [ $rc = 0 ]
cli --json stock --sku P-2
check "posting moves stock (2.5 m of P-2 at A2)" [ "$(json '["stock"][0]["quantity"]')" = 2.5 -a "$(json '["stock"][0]["location"]')" = A2 ]
cli --json product show P-1
check "the in cost sets the moving average" [ "$(json '["product"]["avg_cost"]')" = 12.50 ]
cli slip post RK$D-0001
check "posting twice is refused (exit 1)" [ $rc = 1 ]

# ---- the line grammar and other refusals change nothing ------------------------------
before=$(db_dump)
cli slip new --kind in --purpose purchase --warehouse WH1
check "no --line is a usage error (exit 2)" [ $rc = 2 ]
cli slip new --kind in --purpose purchase --warehouse WH1 --line P-1
check "a line without quantity is a usage error (exit 2)" [ $rc = 2 ]
cli slip new --kind in --purpose purchase --warehouse WH1 --line P-1:5@
check "an empty location is a usage error (exit 2)" [ $rc = 2 ]
cli slip new --kind in --purpose purchase --warehouse WH1 --line P-1:five@A1
check "a quantity that is not a number is refused (exit 1)" [ $rc = 1 ]
cli slip new --kind in --purpose purchase --warehouse WH1 --line P-1:1.5@A1
check "1.5 of a product counted whole is refused (exit 1)" [ $rc = 1 ]
cli slip new --kind in --purpose gift --warehouse WH1 --line P-1:1@A1
check "an unknown purpose is refused (exit 1)…" [ $rc = 1 ]
check "…listing the purposes allowed" grep -q "purchase, return-in, repair-back, surplus, other" <<< "$err"
cli slip new --kind sideways --purpose gift --warehouse WH1 --line P-1:1@A1
check "an unknown kind is refused (exit 1)" [ $rc = 1 ]
cli slip new --kind out --purpose sale --warehouse WH1 --line P-1:1@QA
check "selling from quarantine is refused (exit 1)" [ $rc = 1 ]
cli slip void RK$D-0001
check "void without --reason is a usage error (exit 2)" [ $rc = 2 ]
cli slip show NOPE-1
check "an unknown number is refused (exit 1)" [ $rc = 1 ]
cli slip frobnicate
check "an unknown subcommand is a usage error (exit 2)" [ $rc = 2 ]
check "nothing was written by any refusal" [ "$before" = "$(db_dump)" ]

# ---- a slip whose third line lacks stock posts nothing --------------------------------
cli slip new --kind out --purpose sale --warehouse WH1 --partner C001 --line P-1:2@A1 --line P-2:1@A2 --line P-3:6@A1
check "an out slip is numbered CK…-0001" [ "$out" = "CK$D-0001" ]
before=$(db_dump)
cli slip post CK$D-0001
check "posting it is refused (exit 1)" [ $rc = 1 ]
check "…naming product, location, on hand and requested" \
  grep -q "P-3 “胶水” at WH1 / A1: 5 瓶 on hand, 6 瓶 requested" <<< "$err"
check "…and posting nothing of it" [ "$before" = "$(db_dump)" ]
LANGUAGE=zh_CN cli slip post CK$D-0001
check "the refusal is in Chinese under zh_CN" grep -q "库存不足" <<< "$err"
cli --json slip post CK$D-0001
check "with --json the refusal is one JSON object" [ "$(json '["exit"]')" = 1 ]

# ---- post, void restores exactly, amend -------------------------------------------------
cli slip new --kind out --purpose sale --warehouse WH1 --partner 华东商贸 --line P-1:3@A1 --line P-2:1.5@A2
check "a second out slip is CK…-0002" [ "$out" = "CK$D-0002" ]
cli --json stock
stock_before=$out
cli slip post CK$D-0002
check "it posts" [ $rc = 0 ]
cli --json stock --sku P-1 --warehouse WH1
check "on hand went down (P-1: 10 → 7)" [ "$(json '["stock"][0]["quantity"]')" = 7 ]
cli --json slip void CK$D-0002 --reason "客户取消订单"
check "void succeeds and shows the reason" [ $rc = 0 -a "$(json '["void_reason"]')" = 客户取消订单 ]
cli --json stock
check "voiding restores on hand exactly" [ "$out" = "$stock_before" ]
cli slip void CK$D-0002 --reason again
check "voiding twice is refused (exit 1)" [ $rc = 1 ]

cli slip new --kind out --purpose sale --warehouse WH1 --line P-1:4@A1
cli slip post CK$D-0003
cli slip amend CK$D-0003
check "amend prints the copy's number CK…-0003-1" [ $rc = 0 -a "$out" = "CK$D-0003-1" ]
cli --json slip show CK$D-0003
check "the original is voided and points to its copy" \
  [ "$(json '["state"]')" = voided -a "$(json '["amended_by"]')" = "CK$D-0003-1" ]
cli --json slip show CK$D-0003-1
check "the copy is a draft that points back" [ "$(json '["state"]')" = draft -a "$(json '["amends"]')" = "CK$D-0003" ]
cli slip post CK$D-0003-1 && cli slip amend CK$D-0003-1
check "amending the copy gives CK…-0003-2" [ "$out" = "CK$D-0003-2" ]
cli --json stock --sku P-1
check "after the amends P-1 is back to 10 at A1" [ "$(json '["stock"][0]["quantity"]')" = 10 ]

# ---- transfer between warehouses ------------------------------------------------------
cli slip new --kind transfer --purpose transfer --warehouse WH1 --to WH2 --line "P-2:1@A2>B1"
check "a transfer is DB…-0001" [ "$out" = "DB$D-0001" ]
cli slip post DB$D-0001
cli --json stock --warehouse WH2
check "the transfer arrives in WH2 / B1" [ "$(json '["stock"][0]["location"]')" = B1 -a "$(json '["stock"][0]["quantity"]')" = 1 ]

# ---- permissions ---------------------------------------------------------------------------
RESTOCK_NEW_PASSWORD=keeper-pass-1 cli user add laoli --role keeper
RESTOCK_NEW_PASSWORD=sales-pass-1 cli user add xiaowang --role sales
before=$(db_dump)
RESTOCK_PASSWORD=sales-pass-1 cli --user xiaowang slip new --kind in --purpose purchase --warehouse WH1 --line P-1:1@A1
check "a salesperson may not write slips (exit 3)" [ $rc = 3 ]
RESTOCK_PASSWORD=sales-pass-1 cli --user xiaowang slip void RK$D-0001 --reason x
check "nor void them (exit 3)" [ $rc = 3 ]
check "…and nothing changed" [ "$before" = "$(db_dump)" ]
RESTOCK_PASSWORD=keeper-pass-1 cli --user laoli slip new --kind in --purpose surplus --warehouse WH1 --line P-3:1@A2
check "a keeper may" [ $rc = 0 ]
RESTOCK_PASSWORD=sales-pass-1 cli --user xiaowang --json slip show "$out"
check "anyone may look" [ "$(json '["created_by"]')" = laoli ]

# ---- list and ledger ----------------------------------------------------------------------
cli --json slip list
check "slip list shows every slip" [ "$(json '["slips"].__len__()')" = 8 ]
cli --json slip list --state voided
check "slip list --state voided" [ "$(json '["slips"].__len__()')" = 3 ]
cli --json ledger --sku P-1
check "the ledger of P-1 keeps every movement and reversal" [ "$(json '["ledger"].__len__()')" = 7 ]
check "…signed, as decimal strings" [ "$(json '["ledger"][1]["quantity"]')" = -3 ]

# ---- the database refuses raw changes to posted rows ------------------------------------------
before=$(db_dump)
sqlite3 "$RESTOCK_DB" "UPDATE slip SET remark = 'x' WHERE number = 'RK$D-0001'" 2> /dev/null
check "raw UPDATE of a posted slip is refused" [ $? != 0 ]
sqlite3 "$RESTOCK_DB" "DELETE FROM slip_line WHERE slip_id = 1" 2> /dev/null
check "raw DELETE of its lines is refused" [ $? != 0 ]
sqlite3 "$RESTOCK_DB" "UPDATE stock_ledger SET quantity = 1" 2> /dev/null
check "raw UPDATE of the ledger is refused" [ $? != 0 ]
sqlite3 "$RESTOCK_DB" "DELETE FROM stock_ledger" 2> /dev/null
check "raw DELETE of the ledger is refused" [ $? != 0 ]
check "…and the data is unchanged" [ "$before" = "$(db_dump)" ]

# ---- two restock-cli runs at once -------------------------------------------------------
# 8 writers create slips at the same moment: 8 distinct numbers, none lost.
for i in 1 2 3 4 5 6 7 8; do
  "$RESTOCK_CLI" slip new --kind in --purpose purchase --warehouse WH1 --line P-3:1@A2 > "$work/new.$i" 2>&1 &
done
wait
numbers=$(cat "$work"/new.* | sort)
check "concurrent slip new: 8 distinct numbers" [ "$(sort -u <<< "$numbers" | grep -c "^RK$D-")" = 8 ]
check "…gap-free, RK…-0003 to RK…-0010" [ "$(printf 'RK%s-%04d\n' $(for n in $(seq 3 10); do echo $D $n; done))" = "$numbers" ]
# 6 drafts of 3 each from 10 on hand, posted all at once: exactly 3 go through.
cli --json stock --sku P-1 --warehouse WH1
check "10 of P-1 at A1 before the race" [ "$(json '["stock"][0]["quantity"]')" = 10 ]
for i in 1 2 3 4 5 6; do cli slip new --kind out --purpose scrap --warehouse WH1 --line P-1:3@A1; echo "$out"; done > "$work/drafts"
i=0
while read -r number; do
  i=$((i + 1))
  ( "$RESTOCK_CLI" slip post "$number" > /dev/null 2> "$work/post.$i"; echo $? > "$work/rc.$i" ) &
done < "$work/drafts"
wait
check "concurrent posts: 3 succeed" [ "$(cat "$work"/rc.* | grep -c '^0$')" = 3 ]
check "…3 are refused for stock (exit 1)" [ "$(cat "$work"/rc.* | grep -c '^1$')" = 3 -a "$(cat "$work"/post.* | grep -c 'Not enough stock')" = 3 ]
cli --json stock --sku P-1 --warehouse WH1
check "…and 1 is left, never less" [ "$(json '["stock"][0]["quantity"]')" = 1 ]

# ---- check, attachments ---------------------------------------------------------------------
cli --json check
check "check finds nothing (exit 0, ok)" [ $rc = 0 -a "$(json '["ok"]')" = True ]
printf '\xff\xd8\xff\xe0 photo of the delivery note' > "$work/送货单.jpg"
cli --json slip attach RK$D-0001 "$work/送货单.jpg"
check "slip attach stores the file" [ $rc = 0 -a "$(json '["attachments"][0]["file_name"]')" = 送货单.jpg ]
sha=$(json '["attachments"][0]["sha256"]')
check "…under its SHA-256" [ "$sha" = "$(sha256sum < "$work/送货单.jpg" | cut -d' ' -f1)" ]
check "…next to the database" [ -f "$work/attachments/${sha:0:2}/$sha" ]
cli --json slip show RK$D-0001
check "show says the attachment is intact" [ "$(json '["attachments"][0]["intact"]')" = True ]
head -c 20000000 /dev/zero > "$work/big.bin"; head -c 7000000 /dev/zero >> "$work/big.bin"
before=$(db_dump)
cli slip attach RK$D-0001 "$work/big.bin"
check "a file over 25 MB is refused (exit 1)" [ $rc = 1 ]
check "…saying the limit" grep -q "25 MB" <<< "$err"
check "…and not recorded" [ "$before" = "$(db_dump)" ]

chmod u+w "$work/attachments/${sha:0:2}/$sha"; printf 'tampered' > "$work/attachments/${sha:0:2}/$sha"
cli --json slip show RK$D-0001
check "a damaged attachment is shown as not intact" [ "$(json '["attachments"][0]["intact"]')" = False ]
cli slip show RK$D-0001
check "…and the text says so" grep -q "DAMAGED" <<< "$out"
cli check
check "check reports the damaged file (exit 1)" [ $rc = 1 ]
check "…naming it" grep -q "$sha is damaged" <<< "$err"

sqlite3 "$RESTOCK_DB" "UPDATE stock_on_hand SET quantity = quantity + 1000 WHERE product_id = (SELECT id FROM product WHERE sku = 'P-3')"
cli check
check "check reports on hand that differs from the ledger" grep -q "On hand of P-3 at WH1 / A1 is 6, but its ledger adds up to 5" <<< "$out"

done_testing
