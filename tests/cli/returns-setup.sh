# returns-setup.sh — sourced by the test-cli-returns-*.sh tests after tap.sh: a company with
# stock, a posted sale slip CK…-0001 to C001 (5 P-1, 3 P-2, sold 2026-11-20), users of every
# role (password user-pass-123), and the helpers as, jv and refused.

# Noon UTC is 26 November in every time zone within ±11 h: the numbers below hold.
export RESTOCK_NOW=2026-11-26T12:00:00Z
D=20261126
export RESTOCK_NEW_PASSWORD=user-pass-123
as () { local user=$1; shift; RESTOCK_PASSWORD=user-pass-123 cli --user "$user" "$@"; }
# A Python expression over the JSON of $out, bound to v.
jv () { printf '%s' "$out" | /usr/bin/python3 -c "import json, sys; v = json.load(sys.stdin); print($1)"; }

cli init --company "华东商贸有限公司"
cli warehouse add WH1 主仓库 && cli location add WH1 A1
cli product add P-1 螺丝刀 --unit 把 --price 99
cli product add P-2 电钻 --unit 台 --price 3000
cli product add P-3 胶水 --unit 瓶 --price 5
cli customer add 华东商贸 --code C001 --email buyer@example.com
cli customer add 西南电器 --code C002
cli slip new --kind in --purpose purchase --warehouse WH1 --line P-1:20@A1:12.50 --line P-2:10@A1:1000
cli slip post RK$D-0001
cli slip new --kind out --purpose sale --warehouse WH1 --partner C001 --date 2026-11-20 --line P-1:5@A1 --line P-2:3@A1
cli slip post CK$D-0001
check "master data, stock and a posted sale slip are set up" [ $rc = 0 ]
for spec in sal:sales sal2:sales svc:service svc2:service mgr:manager kp:keeper fin:finance view:viewer \
            both:service,manager selfie:sales,service; do
  cli user add "${spec%%:*}" --role "${spec#*:}"
done
check "users of every role are added" [ $rc = 0 ]

# refused "what" EXIT [grep-pattern] -- as USER ARGS…: the refusal, its exit status, one
# line of error and nothing written.
refused () {
  local what=$1 want=$2 pattern=$3; shift 3; shift
  local before; before=$(db_dump)
  "$@"
  check "$what: exit $want" [ "$rc" = "$want" ]
  check "$what: one line, restock-cli: …" [ "$(wc -l <<< "$err")" = 1 -a "${err#restock-cli: }" != "$err" ]
  [ -n "$pattern" ] && check "$what: says “$pattern”" grep -q -- "$pattern" <<< "$err"
  check "$what: nothing written" [ "$before" = "$(db_dump)" ]
}

