#!/usr/bin/env bash
# Intake through restock-cli: a return against the sale slip takes its customer, date and
# prices; more than the slip shipped (over two returns) is refused and changes nothing;
# cancelled and rejected returns do not count.
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/returns-setup.sh"

# ---- intake against the sale slip -----------------------------------------------------
as sal --json return new --slip CK$D-0001 --reason quality --note 手柄断裂 --line P-1:2:: --line P-2:1::SN-0042
check "return new prints the return (exit 0)" [ $rc = 0 ]
check "…numbered TH$D-0001" [ "$(json '["number"]')" = TH$D-0001 ]
check "…a draft" [ "$(json '["state"]')" = draft ]
check "…of the slip's customer" [ "$(json '["customer"]["code"]')" = C001 ]
check "…sold on the slip's date" [ "$(json '["sale_date"]')" = 2026-11-20 ]
check "…requested today" [ "$(json '["request_date"]')" = 2026-11-26 ]
check "…at the list prices (the sale slip carries none)" [ "$(json '["lines"][1]["unit_price"]')" = 3000.00 ]
check "…with the serial number" [ "$(json '["lines"][1]["serial"]')" = SN-0042 ]
check "…refund value 2 × 99 + 3000" [ "$(json '["refund_value"]')" = 3198.00 ]
check "…no signatures yet" [ "$(json '["signatures"]')" = '[]' ]
as sal return new --slip CK$D-0001 --reason quality --line P-1:1
check "the plain output is the RMA number" [ $rc = 0 -a "$out" = TH$D-0002 ]

# ---- more than the slip shipped, over two returns ---------------------------------------
refused "P-1: 2 + 1 taken of 5 shipped, 3 more asked" 1 "TH$D-0001" -- as sal return new --slip CK$D-0001 --reason quality --line P-1:3
check "…the refusal names shipped, left and asked" grep -q "shipped 5 把 of P-1.*at most 2 把 are left, the return asks for 3 把" <<< "$err"
refused "a product the slip did not ship" 1 "did not ship" -- as sal return new --slip CK$D-0001 --reason quality --line P-1:1 --line P-3:1
refused "the slip shipped to another customer" 1 "another customer" -- as sal return new --slip CK$D-0001 --customer C002 --reason quality --line P-1:1
refused "an in slip is no sale" 1 "not a sale" -- as sal return new --slip RK$D-0001 --reason quality --line P-1:1
refused "an unknown reason" 1 "" -- as sal return new --customer C002 --reason whim --line P-1:1
refused "a request date in the future" 1 "future" -- as sal return new --customer C002 --reason quality --requested-on 2026-11-27 --line P-1:1
refused "a sale after the request" 1 "after the request date" -- as sal return new --customer C002 --reason quality --sold-on 2026-11-26 --requested-on 2026-11-25 --line P-1:1
refused "no line" 2 "" -- as sal return new --customer C002 --reason quality
refused "a line without quantity" 2 "" -- as sal return new --customer C002 --reason quality --line P-1
as sal return new --slip CK$D-0001 --reason quality --line P-1:2
check "exactly what is left (2) is accepted" [ $rc = 0 -a "$out" = TH$D-0003 ]
as svc return cancel TH$D-0003 --comment 客户撤回
check "customer service cancels the draft" [ $rc = 0 ]
as sal return new --slip CK$D-0001 --reason quality --line P-1:2
check "a cancelled return no longer counts: 2 can be taken again" [ $rc = 0 -a "$out" = TH$D-0004 ]
refused "…but not a third time" 1 "TH$D-0004" -- as sal return new --slip CK$D-0001 --reason quality --line P-1:1

# A rejected return does not count against the slip either.
as sal return new --slip CK$D-0001 --reason quality --line P-2:2
slipret=$out
as sal return submit "$slipret"
refused "P-2: 1 + 2 of 3 taken, one more is refused" 1 "at most 0" -- as sal return new --slip CK$D-0001 --reason quality --line P-2:1
as svc return reject "$slipret" --comment 非质量问题
as sal return new --slip CK$D-0001 --reason quality --line P-2:1
check "with that return rejected, one more P-2 is accepted" [ $rc = 0 ]
again=$out
as sal return revise "$slipret"
refused "…and the revised one then exceeds the slip on submit" 1 "TH$D" -- as sal return submit "$slipret"

done_testing
