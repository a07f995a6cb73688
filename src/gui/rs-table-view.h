/* rs-table-view.h — a long list of text rows under a header that sorts (the caller sorts, in SQL).
 *
 * GTK 4.8's GtkColumnView makes a widget per cell and builds about 200 rows before the first
 * frame, ~2 ms a row with 9 columns: half a second before 100,000 slips show. An RsTableView row
 * is one widget that draws its cells with Pango, so the first rows cost a few widgets each.
 * Rows are a GtkListView's (selection, keyboard, activation); the header is a row of buttons
 * on the same column edges. Columns get the width of the wider of their title and a sample
 * text; those with RS_COLUMN_EXPAND share what is left. */
#pragma once

#include "rs-column.h"

G_BEGIN_DECLS

#define RS_TYPE_TABLE_VIEW (rs_table_view_get_type ())
G_DECLARE_FINAL_TYPE (RsTableView, rs_table_view, RS, TABLE_VIEW, GtkWidget)

GtkWidget   *rs_table_view_new                  (void);
/* sample: the widest text the column usually shows, or NULL: as wide as the widest of the
 * first rows of the first model that has any (up to a limit); sort_key: the caller's enum
 * value, or -1 for a column that does not sort. */
void         rs_table_view_add_column           (RsTableView         *self,
                                                 const char          *title,
                                                 RsColumnTextFunc     text,
                                                 RsColumnFlags        flags,
                                                 const char          *sample,
                                                 int                  sort_key);
/* A cell's text from item and the column's data, newly allocated (NULL for empty). */
typedef char *(*RsTableViewTextFunc) (gpointer item,
                                      gpointer data);
/* As rs_table_view_add_column(), the text made with data (which must outlive the view). */
void         rs_table_view_add_column_with_data (RsTableView         *self,
                                                 const char          *title,
                                                 RsTableViewTextFunc  text,
                                                 gpointer             data,
                                                 RsColumnFlags        flags,
                                                 const char          *sample,
                                                 int                  sort_key);
guint        rs_table_view_get_n_columns        (RsTableView         *self);
/* Shows model (items for the columns' text functions) with a single selection, none at first. */
void         rs_table_view_set_model            (RsTableView         *self,
                                                 GListModel          *model);
/* The key the header sorts by and its direction; FALSE when no header was clicked. */
gboolean     rs_table_view_get_sort             (RsTableView         *self,
                                                 int                 *key,
                                                 gboolean            *descending);
/* As a click on that column's header would: emits "sort-changed". */
void         rs_table_view_sort_by              (RsTableView         *self,
                                                 int                  key,
                                                 gboolean             descending);
GtkListView *rs_table_view_get_list_view        (RsTableView         *self);
/* What a screen reader calls the table and its list of rows ("出入库单"). */
void         rs_table_view_set_accessible_name  (RsTableView         *self,
                                                 const char          *name);
/* The text of a row's cell as drawn (tests), newly allocated. */
char        *rs_table_view_get_cell_text        (RsTableView         *self,
                                                 guint                position,
                                                 guint                column);

G_END_DECLS
