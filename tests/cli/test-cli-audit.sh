#!/usr/bin/env bash
# The audit log through restock-cli: list, verify, and an edit made with the sqlite3 tool
# behind the program's back found at the row it was made.
. "$(dirname "$0")/tap.sh"

cli init --company "华东商贸有限公司"
cli warehouse add SH 上海仓
cli product add A-1 电饭煲 --unit 台 --cost 199
cli customer add 华联超市 --phone 13812345678
RESTOCK_NEW_PASSWORD=keeper-pass-1 cli user add keeper --role keeper

cli --json audit list
check "audit list shows the newest first" [ "$(json '["audit"][0]["action"]')" = user.add ]
check "…with who did it" [ "$(json '["audit"][0]["user"]')" = admin ]
check "…what came after, as JSON" [ "$(json '["audit"][2]["after"]["avg_cost"]')" = 199.00 ]
check "…and the time in ISO 8601" bash -c "grep -Eq '^[0-9]{4}-[0-9]{2}-[0-9]{2}T' <<< '$(json '["audit"][0]["time"]')'"
cli --json audit list --limit 2
check "--limit" [ "$(json '["audit"].__len__()')" = 2 ]
cli audit list
check "the text form has one line per row" [ "$(wc -l <<< "$out")" = 6 ]

RESTOCK_PASSWORD=wrong cli product list
cli --json audit list --limit 1
check "a wrong password leaves a row too" [ "$(json '["audit"][0]["action"]')" = user.login-failed ]

RESTOCK_PASSWORD=keeper-pass-1 cli --user keeper audit list
check "a keeper may not read the audit log (exit 3)" [ $rc = 3 ]
RESTOCK_PASSWORD=keeper-pass-1 cli --user keeper audit verify
check "…nor verify it (exit 3)" [ $rc = 3 ]

cli --json audit verify
check "verify: intact" [ $rc = 0 -a "$(json '["intact"]')" = True ]

# The database refuses an edit of the log outright …
sqlite3 "$RESTOCK_DB" "UPDATE audit SET user_name = 'keeper' WHERE id = 3" 2> "$work/sqlite.err"
check "sqlite3 cannot UPDATE an audit row (trigger)" grep -q "The audit log cannot be changed" "$work/sqlite.err"
sqlite3 "$RESTOCK_DB" "DELETE FROM audit WHERE id = 3" 2> "$work/sqlite.err"
check "…nor DELETE one" grep -q "The audit log cannot be changed" "$work/sqlite.err"
cli audit verify
check "so the log is still intact" [ $rc = 0 ]

# … so a forger drops the triggers first and changes the cost in row 4 (product.add).
action=$(sqlite3 "$RESTOCK_DB" "SELECT action FROM audit WHERE id = 4")
check "row 4 is the product" [ "$action" = product.add ]
sqlite3 "$RESTOCK_DB" "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;
                       UPDATE audit SET after = replace(after, '199.00', '19.90') WHERE id = 4"
cli audit verify
check "verify fails with exit 1" [ $rc = 1 ]
check "…naming row 4" grep -q "row 4 does not match" <<< "$err"
check "…in one line" [ "$(wc -l <<< "$err")" = 1 ]
cli --json audit verify
check "with --json the failure is an object" [ "$(json '["exit"]')" = 1 ]

LANGUAGE=zh_CN cli audit verify
check "…and in Chinese" grep -q "审计日志" <<< "$err"

done_testing
