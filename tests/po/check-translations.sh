#!/usr/bin/env bash
# Every user-visible string is in the template and translated in zh_CN.po:
# no message untranslated or fuzzy, no source with strings left out of POTFILES.in.
set -uo pipefail
root=$1
. "$root/build-aux/po-common.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "TAP version 13"
n=0 bad=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
fail () { n=$((n + 1)); bad=1; echo "not ok $n - $1"; }

# 1. Sources with translatable strings are all listed.
missing=$(cd "$root" && grep -rlE '\b(N?_|C_|g_dngettext) \(|translatable="yes"' src ui data --include='*.c' --include='*.ui' --include='*.in' 2>/dev/null |
          sort | comm -23 - <(grep -v '^#' po/POTFILES.in | sort))
if [ -z "$missing" ]; then ok "POTFILES.in lists every file with translatable strings"
else fail "POTFILES.in lacks:"; echo "$missing" | sed 's/^/# /'; fi

# 2. Every message of the template is translated, none fuzzy.
extract_pot "$root" "$work/restock.pot"
msgmerge --quiet --no-fuzzy-matching -o "$work/zh_CN.po" "$root/po/zh_CN.po" "$work/restock.pot"
untranslated=$(msgattrib --untranslated --no-obsolete "$work/zh_CN.po" | grep -c '^msgid ' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$root/po/zh_CN.po" | grep -c '^msgid ' || true)
if [ "$untranslated" -eq 0 ]; then ok "zh_CN translates every message"
else fail "zh_CN leaves $untranslated messages untranslated:"
     msgattrib --untranslated --no-obsolete "$work/zh_CN.po" | grep '^msgid ' | head -40 | sed 's/^/# /'; fi
if [ "$fuzzy" -eq 0 ]; then ok "zh_CN has no fuzzy message"
else fail "zh_CN has $fuzzy fuzzy messages"; fi

# 3. The catalogue compiles and its format strings match.
if msgfmt --check -o /dev/null "$root/po/zh_CN.po" 2> "$work/err"; then ok "zh_CN.po passes msgfmt --check"
else fail "msgfmt --check:"; sed 's/^/# /' "$work/err"; fi

echo "1..$n"
exit $bad
