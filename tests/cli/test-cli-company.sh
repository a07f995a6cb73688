#!/usr/bin/env bash
# A realistic company from nothing through restock-cli: 3 warehouses with storage, repair
# and scrap locations, 50 products in 5 categories, 20 customers, 10 suppliers — checked
# through --json, and the audit log intact at the end.
. "$(dirname "$0")/tap.sh"

py () { printf '%s' "$out" | /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); $1"; }

cli init --company "华东商贸有限公司"
check "init" [ $rc = 0 ]

failures=0
run () { cli "$@"; if [ $rc != 0 ]; then failures=$((failures + 1)); echo "# failed ($rc): $* — $err"; fi; }

# Warehouses and their locations.
warehouses=(SH:上海总仓:上海市浦东新区张江路88号 BJ:北京分仓:北京市大兴区亦庄经济开发区 GZ:广州分仓:广州市白云区太和镇)
for w in "${warehouses[@]}"; do
  IFS=: read -r code name address <<< "$w"
  run warehouse add "$code" "$name" --address "$address"
  run location add "$code" A-01 --name "一号货架"
  run location add "$code" A-02 --kind storage --name "二号货架"
  run location add "$code" RP --kind repair --name "维修区"
  run location add "$code" SC --kind scrap --name "报废区"
done
check "3 warehouses and 12 locations added without a refusal" [ $failures = 0 ]

# 50 products in 5 categories; every fifth without a barcode, decimals by kind of goods.
categories=(厨房电器 生活电器 个护健康 五金工具 散装原料)
names=(电饭煲 电水壶 破壁机 空气炸锅 微波炉 电风扇 吸尘器 加湿器 电暖器 扫地机 电动牙刷 吹风机 剃须刀 按摩仪 体脂秤 电钻 扳手套装 螺丝刀 卷尺 角磨机 不锈钢板 铜线 塑料粒 胶水 油漆)
units=(台 台 台 台 台 台 台 台 台 台 支 个 个 个 台 把 套 把 个 台 kg m kg kg L)
failures=0
for i in $(seq 1 50); do
  n=$(( (i - 1) % 25 )); c=$(( n / 5 ))
  sku=$(printf 'RS-%03d' "$i")
  decimals=0; [ $c = 4 ] && decimals=3
  args=(product add "$sku" "${names[$n]} $((i > 25 ? 2 : 1))代" --unit "${units[$n]}" --decimals $decimals
        --category "${categories[$c]}" --cost "$((i * 13)).$((i % 10))0" --price "¥$((i * 20)),000.00"
        --spec "型号 $sku")
  [ $((i % 5)) != 0 ] && args+=(--barcode "69$(printf '%011d' $((i * 7919)))")
  run "${args[@]}"
done
check "50 products added without a refusal" [ $failures = 0 ]

# 20 customers, 10 suppliers.
failures=0
cities=(上海 北京 广州 深圳 杭州 南京 苏州 成都 武汉 西安)
for i in $(seq 1 20); do
  city=${cities[$(( (i - 1) % 10 ))]}
  run customer add "${city}$( [ $i -gt 10 ] && echo 第二)家电卖场" --contact "客户经理$i" \
      --phone "138$(printf '%08d' $((i * 1234567 % 100000000)))" --email "buyer$i@example.cn" --address "${city}市中山路$i号"
done
for i in $(seq 1 10); do
  run supplier add "${cities[$((i - 1))]}电器制造有限公司" --code "SUP-$i" --contact "业务员$i" --phone "0$((20 + i))-8888$i"
done
check "20 customers and 10 suppliers added without a refusal" [ $failures = 0 ]

# Now check it all through --json.
cli --json warehouse list
check "warehouse list succeeds" [ $rc = 0 ]
check "3 warehouses" [ "$(py 'print(len(d["warehouses"]))')" = 3 ]
check "each has QA (quarantine), 2 storage, 1 repair and 1 scrap location" \
  [ "$(py 'print(sorted({tuple(sorted(l["kind"] for l in w["locations"])) for w in d["warehouses"]}))')" \
    = "[('quarantine', 'repair', 'scrap', 'storage', 'storage')]" ]
check "QA is in every warehouse" [ "$(py 'print(all(any(l["code"]=="QA" and l["kind"]=="quarantine" for l in w["locations"]) for w in d["warehouses"]))')" = True ]
check "addresses kept" [ "$(py 'print([w["address"] for w in d["warehouses"] if w["code"]=="GZ"][0])')" = "广州市白云区太和镇" ]

cli --json product list
check "product list succeeds" [ $rc = 0 ]
check "50 products" [ "$(py 'print(len(d["products"]))')" = 50 ]
check "in 5 categories of 10 each" [ "$(py 'import collections; print(sorted(collections.Counter(p["category"] for p in d["products"]).values()))')" = "[10, 10, 10, 10, 10]" ]
check "40 with a barcode, 10 without (null)" [ "$(py 'print(sum(p["barcode"] is not None for p in d["products"]), sum(p["barcode"] is None for p in d["products"]))')" = "40 10" ]
check "amounts are decimal strings" [ "$(py 'print([(p["avg_cost"], p["list_price"]) for p in d["products"] if p["sku"]=="RS-017"][0])')" = "('221.70', '340000.00')" ]
check "bulk goods take 3 decimals" [ "$(py 'print(sorted({p["decimals"] for p in d["products"] if p["category"]=="散装原料"}))')" = "[3]" ]

cli --json product show RS-003
check "product show by SKU" [ "$(json '["product"]["name"]')" = "破壁机 1代" ]
barcode=69$(printf '%011d' $((12 * 7919)))
cli --json product show "$barcode"
check "product show by barcode" [ "$(json '["product"]["sku"]')" = RS-012 ]
cli --json product list --search 电饭
check "search by a Chinese substring of two characters" [ "$(py 'print(sorted(p["sku"] for p in d["products"]))')" = "['RS-001', 'RS-026']" ]
cli --json product list --search 空气炸锅
check "search by four characters" [ "$(py 'print(len(d["products"]))')" = 2 ]

cli --json customer list
check "20 customers" [ "$(py 'print(len(d["customers"]))')" = 20 ]
check "codes given in order" [ "$(py 'print(d["customers"][0]["code"], d["customers"][19]["code"])')" = "C0001 C0020" ]
cli --json customer list --search 杭州
check "customer search by city" [ "$(py 'print(len(d["customers"]))')" = 2 ]
cli --json supplier list
check "10 suppliers" [ "$(py 'print(len(d["suppliers"]))')" = 10 ]
cli --json supplier show 成都电器制造有限公司
check "supplier by name" [ "$(json '["supplier"]["code"]')" = SUP-8 ]

cli --json audit list --limit 0
check "every change is in the audit log" [ "$(py 'print(len(d["audit"]))')" = $((1 + 3 * 2 + 12 + 5 + 50 + 20 + 10)) ]
cli --json audit verify
check "the audit log verifies" [ $rc = 0 -a "$(json '["intact"]')" = True ]

done_testing
