/* rs-validate.h — the checks every text a person types goes through before it is stored. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  RS_TEXT_OPTIONAL  = 0,
  RS_TEXT_REQUIRED  = 1 << 0,   /* empty or only spaces is refused */
  RS_TEXT_MULTILINE = 1 << 1,   /* line breaks and tabs allowed (addresses, remarks) */
  RS_TEXT_CODE      = 1 << 2,   /* no spaces nor : @ > , — they separate the parts of a slip line */
} RsTextFlags;

/* `what` is the translated name of the field ("product name"), used in the
 * message: invalid UTF-8, empty, too long, or a forbidden character. NULL text is "". */
gboolean rs_validate_text (const char  *text,
                           const char  *what,
                           gsize        max_chars,
                           RsTextFlags  flags,
                           GError     **error);

G_END_DECLS
