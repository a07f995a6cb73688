# return-stages-setup.sh — sourced after tap.sh and returns-setup.sh by the tests of receiving,
# inspection, disposition, costs and settlement: a storage location A2 and a repair location R1,
# a second warehouse WH2, a supplier S001 the products were bought from, and helpers.

cli location add WH1 A2 && cli location add WH1 R1 --kind repair --name 维修区
cli warehouse add WH2 二号仓库
cli supplier add 深圳电子 --code S001
cli slip new --kind in --purpose purchase --warehouse WH1 --partner S001 --line P-1:10@A1:12.50 --line P-2:2@A1:1000
cli slip post "$out"
check "repair location, supplier and a purchase from it are set up" [ $rc = 0 ]

# approved ARGS…: a return of C001 taken in by sal with the lines given, signed by svc and
# mgr; its number in $R.
approved () {
  as sal return new --customer C001 --reason quality "$@"; R=$out
  as sal return submit "$R"; as svc return approve "$R"; as mgr return approve "$R"
}
# qty SKU LOCATION: on hand of the product at the location of WH1 ("0" when none).
qty () {
  RESTOCK_PASSWORD=admin-pass-1 "$RESTOCK_CLI" --json stock --sku "$1" |
    /usr/bin/python3 -c "import json, sys; print(next((s['quantity'] for s in json.load(sys.stdin)['stock'] if s['location'] == '$2'), '0'))"
}
# shown RMA: `return show --json` of the return into $out, as the viewer.
shown () { as view --json return show "$1"; }
# slip_of ROLE: the number of the last slip of the return in $out that played the role.
slip_of () { jv "[s['number'] for s in v['slips'] if s['role'] == '$1'][-1]"; }
# a_slip NUMBER EXPR: a Python expression over `slip show --json` of the slip, bound to v.
a_slip () { cli --json slip show "$1"; jv "$2"; }
