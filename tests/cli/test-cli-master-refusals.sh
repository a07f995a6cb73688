#!/usr/bin/env bash
# Bad input to every `add` of master data: each a clear one-line error, exit 1, nothing
# written. (A 10 MB name cannot pass through argv — Linux caps one argument at 128 KiB —
# so here a name of 120 KB; tests/core/test-master.c gives core the 10 MB one.)
. "$(dirname "$0")/tap.sh"

cli init --company "华东商贸有限公司"
cli warehouse add SH 上海仓
cli location add SH A-01
cli product add MD-1 电饭煲 --unit 台 --cost 199 --barcode 6901234567890
cli customer add 华联超市 --code C-HL
cli supplier add 美的集团 --code S-MD
check "the setup succeeds" [ $rc = 0 ]

bad_utf8=$(printf 'bad\xff\xfename')
huge=$(printf '名%.0s' $(seq 1 40000))   # 40 000 characters, 120 000 bytes

refused () {   # refused "what" [exit] -- ARGS…
  local what=$1 want=1; shift
  [ "$1" != -- ] && { want=$1; shift; }
  shift
  local before; before=$(db_dump)
  cli "$@"
  check "$what: exit $want" [ "$rc" = "$want" ]
  check "$what: one line, restock-cli: …" [ "$(wc -l <<< "$err")" = 1 -a "${err#restock-cli: }" != "$err" ]
  check "$what: nothing written" [ "$before" = "$(db_dump)" ]
  echo "# $err" | cut -c 1-200
}

refused "warehouse: empty name" -- warehouse add BJ ""
refused "warehouse: blank name" -- warehouse add BJ "   "
refused "warehouse: duplicate code" -- warehouse add sh 又一个上海仓
refused "warehouse: code with a space" -- warehouse add "B J" 北京仓
refused "warehouse: invalid UTF-8 name" -- warehouse add BJ "$bad_utf8"
refused "warehouse: invalid UTF-8 address" -- warehouse add BJ 北京仓 --address "$bad_utf8"
refused "warehouse: huge name" -- warehouse add BJ "$huge"
refused "warehouse: missing name" 2 -- warehouse add BJ

refused "location: unknown warehouse" -- location add GZ A-01
refused "location: duplicate code" -- location add SH a-01
refused "location: empty code" -- location add SH ""
refused "location: unknown kind" -- location add SH B-01 --kind shelf
refused "location: a second quarantine" -- location add SH QA2 --kind quarantine
refused "location: invalid UTF-8 name" -- location add SH B-01 --name "$bad_utf8"
refused "location: huge name" -- location add SH B-01 --name "$huge"

refused "product: empty name" -- product add MD-2 "" --unit 台
refused "product: duplicate SKU" -- product add md-1 电压力锅 --unit 台
refused "product: duplicate barcode" -- product add MD-2 电压力锅 --unit 台 --barcode 6901234567890
refused "product: invalid UTF-8 name" -- product add MD-2 "$bad_utf8" --unit 台
refused "product: invalid UTF-8 category" -- product add MD-2 电压力锅 --unit 台 --category "$bad_utf8"
refused "product: huge name" -- product add MD-2 "$huge" --unit 台
refused "product: negative cost" -- product add MD-2 电压力锅 --unit 台 --cost -5
refused "product: cost with 3 decimals" -- product add MD-2 电压力锅 --unit 台 --cost 12.345
refused "product: price with 3 decimals" -- product add MD-2 电压力锅 --unit 台 --price ¥1,299.999
refused "product: cost that is no amount" -- product add MD-2 电压力锅 --unit 台 --cost 十二元
refused "product: cost too large" -- product add MD-2 电压力锅 --unit 台 --cost 1000000000000
refused "product: 4 decimals" -- product add MD-2 电压力锅 --unit 台 --decimals 4
refused "product: empty unit" -- product add MD-2 电压力锅 --unit ""
refused "product: missing --unit" 2 -- product add MD-2 电压力锅

cli product add MD-2 电压力锅 --unit 台 --cost 12.345
check "the amount message says what is wrong" grep -q "more than two decimal places" <<< "$err"
cli product add MD-2 电压力锅 --unit 台 --cost -5
check "the negative message says so" grep -q "negative" <<< "$err"
cli product add MD-2 "$bad_utf8" --unit 台
check "invalid UTF-8 is named as such" grep -q "not valid text" <<< "$err"
cli product add MD-2 "$huge" --unit 台
check "a huge name is too long" grep -q "too long" <<< "$err"

for kind in customer supplier; do
  refused "$kind: empty name" -- $kind add ""
  refused "$kind: invalid UTF-8 name" -- $kind add "$bad_utf8"
  refused "$kind: invalid UTF-8 phone" -- $kind add 苏宁 --phone "$bad_utf8"
  refused "$kind: huge name" -- $kind add "$huge"
  refused "$kind: bad e-mail" -- $kind add 苏宁 --email "not an address"
done
refused "customer: duplicate code" -- customer add 另一家 --code c-hl
refused "supplier: duplicate code" -- supplier add 另一家 --code S-MD

# Permission: the same refusals with exit 3.
RESTOCK_NEW_PASSWORD=keeper-pass-1 cli user add keeper --role keeper
RESTOCK_NEW_PASSWORD=sales-pass-1 cli user add sales --role sales
RESTOCK_PASSWORD=keeper-pass-1 refused "keeper: product add" 3 -- --user keeper product add MD-3 电水壶 --unit 个
RESTOCK_PASSWORD=keeper-pass-1 refused "keeper: warehouse add" 3 -- --user keeper warehouse add BJ 北京仓
RESTOCK_PASSWORD=keeper-pass-1 refused "keeper: customer add" 3 -- --user keeper customer add 国美电器
RESTOCK_PASSWORD=sales-pass-1 refused "sales: supplier add" 3 -- --user sales supplier add 格力电器
RESTOCK_PASSWORD=sales-pass-1 refused "sales: location add" 3 -- --user sales location add SH B-01
RESTOCK_PASSWORD=sales-pass-1 cli --user sales customer add 国美电器
check "sales may add a customer" [ $rc = 0 ]
RESTOCK_PASSWORD=keeper-pass-1 cli --json --user keeper product list
check "a keeper may list products" [ $rc = 0 -a "$(json '["products"].__len__()')" = 1 ]

# Deactivate, not remove, what history refers to; remove what nothing does.
cli product add TYPO 录错了 --unit 个
cli product remove TYPO
check "a product nothing refers to is removed" [ $rc = 0 ]
cli product deactivate MD-1
check "a product is deactivated" [ $rc = 0 ]
cli --json product list
check "…and leaves the list" [ "$(json '["products"].__len__()')" = 0 ]
cli --json product list --all
check "…but not the full list" [ "$(json '["products"][0]["active"]')" = False ]

LANGUAGE=zh_CN cli product add MD-1 电饭煲 --unit 台
check "refusals are in Chinese under LANGUAGE=zh_CN" grep -q "已" <<< "$err"

done_testing
