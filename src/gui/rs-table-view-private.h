/* rs-table-view-private.h — what an RsTableView's rows share with it: the columns and their edges. */
#pragma once

#include "rs-table-view.h"

G_BEGIN_DECLS

/* Space on each side of a cell's text, in the rows and in the header. */
#define RS_TABLE_VIEW_CELL_PADDING 6
/* Left and right of an RS_COLUMN_TAG cell's text inside its pill. */
#define RS_TABLE_VIEW_TAG_PADDING 6

typedef struct {
  char *title;
  RsColumnTextFunc text;
  RsTableViewTextFunc text_with_data;   /* instead of text, with data */
  gpointer data;
  RsColumnFlags flags;
  char *sample;
  int sort_key;
  int width;           /* px: the wider of title and sample, 0 until measured */
  GtkWidget *button;   /* in the header */
  GtkWidget *arrow;    /* the button's sort direction */
} RsTableViewColumn;

/* The text of column's cell for item, newly allocated (never NULL). */
char      *rs_table_view_column_text (const RsTableViewColumn *column,
                                      gpointer                 item);
/* Of RsTableViewColumn, in order. */
GPtrArray *rs_table_view_get_columns   (RsTableView *self);
/* The cells' left edges in a row width pixels wide: edges[0 … n], edges[n] the right end. */
void       rs_table_view_compute_edges (RsTableView *self,
                                   int      width,
                                   int     *edges);

#define RS_TYPE_TABLE_VIEW_ROW (rs_table_view_row_get_type ())
G_DECLARE_FINAL_TYPE (RsTableViewRow, rs_table_view_row, RS, TABLE_VIEW_ROW, GtkWidget)

GtkWidget *rs_table_view_row_new      (RsTableView    *table);
/* Takes the cells' texts from item (NULL: empty). */
void       rs_table_view_row_set_item (RsTableViewRow *self,
                                  gpointer    item);

G_END_DECLS
