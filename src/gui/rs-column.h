/* rs-column.h — text columns of a GtkColumnView, and header sorting done in SQL.
 *
 * GTK 4.8 has no public way to ask a column view which column it is sorted by
 * (gtk_column_view_sorter_get_primary_sort_column is 4.10): each sortable column gets a
 * probe sorter with a key, and rs_column_view_get_sort() asks the view's sorter to compare
 * two dummies: the first probe it calls is the primary column, the sign says the direction.
 * The model is never sorted in memory: the section reloads it from SQL in that order. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The text of a cell, newly allocated (NULL for empty). */
typedef char *(*RsColumnTextFunc) (gpointer item);

typedef enum {
  RS_COLUMN_TEXT    = 0,
  RS_COLUMN_NUMERIC = 1 << 0,   /* right-aligned, tabular figures */
  RS_COLUMN_EXPAND  = 1 << 1,   /* takes the width left over */
  RS_COLUMN_DIM     = 1 << 2,   /* secondary text */
  RS_COLUMN_WHOLE   = 1 << 3,   /* RsTableView: never shortened when narrow (numbers, dates) */
  RS_COLUMN_TAG     = 1 << 4,   /* RsTableView: smaller, bold, in a pill (as .rs-tag) */
} RsColumnFlags;

GtkColumnViewColumn *rs_column_add_text     (GtkColumnView    *view,
                                             const char       *title,
                                             RsColumnTextFunc  text,
                                             RsColumnFlags     flags);
/* Makes the column's header sort by key (an enum value of the caller, >= 0). */
void                 rs_column_set_sort_key (GtkColumnViewColumn *column,
                                             int                  key);
/* The key of the column the view is sorted by and its direction; FALSE when none. */
gboolean             rs_column_view_get_sort (GtkColumnView *view,
                                              int           *key,
                                              gboolean      *descending);
/* GTK 4.8 gives a drop-down's accessible name to the drop-down, not to the button inside
 * that screen readers land on: name the button too. */
void                 rs_column_name_drop_down  (GtkDropDown *drop_down,
                                                const char  *name);
/* A quantity in thousandths with the product's decimals; signed adds "+" before gains. */
char                *rs_column_format_quantity (gint64   milli,
                                                int      decimals,
                                                gboolean signed_);
/* Unix µs as the local date and minute, "2026-11-26 14:05". */
char                *rs_column_format_time     (gint64   when_us);

G_END_DECLS
