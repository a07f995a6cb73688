# Shared by build-aux/update-po and the translation test: how the template is extracted.
# Usage: extract_pot SOURCE_ROOT OUTPUT.pot
extract_pot () {
  local root=$1 out=$2
  (cd "$root" && grep -v '^#' po/POTFILES.in | grep -v '^$' > "$out.files" &&
   xgettext --from-code=UTF-8 --add-comments=TRANSLATORS --package-name=restock \
     --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
     --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
     --flag=g_set_error:4:c-format --flag=g_strdup_printf:1:c-format \
     --files-from="$out.files" -o "$out")
  rm -f "$out.files"
}
