/* rs-table.c — typed columns and rows for the exporters. */
#include "rs-table.h"
#include "rs-money.h"

typedef struct
{
  char        *name;
  RsTableType  type;
} Column;

typedef struct
{
  const char *text;      /* in the string chunk; text cells only */
  gint64      value;
  gint8       decimals;
  gboolean    set;
} Cell;

struct _RsTable
{
  GObject       parent_instance;
  char         *title;
  GArray       *columns;   /* of Column */
  GArray       *cells;     /* of Cell, row after row */
  GStringChunk *strings;
  guint         n_rows;
};

G_DEFINE_FINAL_TYPE (RsTable, rs_table, G_TYPE_OBJECT)

static void
clear_column (gpointer data)
{
  g_free (((Column *) data)->name);
}

static void
rs_table_finalize (GObject *object)
{
  RsTable *self = RS_TABLE (object);

  g_free (self->title);
  g_array_unref (self->columns);
  g_array_unref (self->cells);
  g_string_chunk_free (self->strings);
  G_OBJECT_CLASS (rs_table_parent_class)->finalize (object);
}

static void
rs_table_class_init (RsTableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rs_table_finalize;
}

static void
rs_table_init (RsTable *self)
{
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, clear_column);
  self->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  self->strings = g_string_chunk_new (64 * 1024);
}

RsTable *
rs_table_new (const char *title)
{
  RsTable *self = g_object_new (RS_TYPE_TABLE, NULL);

  self->title = g_strdup (title);
  return self;
}

const char *
rs_table_get_title (RsTable *self)
{
  g_return_val_if_fail (RS_IS_TABLE (self), NULL);
  return self->title;
}

guint
rs_table_add_column (RsTable *self, const char *name, RsTableType type)
{
  Column column = { g_strdup (name), type };

  g_return_val_if_fail (RS_IS_TABLE (self), 0);
  g_return_val_if_fail (self->n_rows == 0, 0);   /* the cells are laid out per row */
  g_array_append_val (self->columns, column);
  return self->columns->len - 1;
}

guint
rs_table_get_n_columns (RsTable *self)
{
  g_return_val_if_fail (RS_IS_TABLE (self), 0);
  return self->columns->len;
}

/* An index out of range is a programming error: abort rather than write elsewhere. */
static Column *
get_column (RsTable *self, guint column)
{
  g_assert (column < self->columns->len);
  return &g_array_index (self->columns, Column, column);
}

const char *
rs_table_get_column_name (RsTable *self, guint column)
{
  g_return_val_if_fail (RS_IS_TABLE (self), NULL);
  return get_column (self, column)->name;
}

RsTableType
rs_table_get_column_type (RsTable *self, guint column)
{
  g_return_val_if_fail (RS_IS_TABLE (self), RS_TABLE_TEXT);
  return get_column (self, column)->type;
}

guint
rs_table_add_row (RsTable *self)
{
  g_return_val_if_fail (RS_IS_TABLE (self), 0);
  g_array_set_size (self->cells, self->cells->len + self->columns->len);   /* zeroed: empty */
  return self->n_rows++;
}

guint
rs_table_get_n_rows (RsTable *self)
{
  g_return_val_if_fail (RS_IS_TABLE (self), 0);
  return self->n_rows;
}

static Cell *
get_cell (RsTable *self, guint row, guint column)
{
  g_assert (row < self->n_rows && column < self->columns->len);
  return &g_array_index (self->cells, Cell, (gsize) row * self->columns->len + column);
}

void
rs_table_set_text (RsTable *self, guint row, guint column, const char *text)
{
  Cell *cell;

  g_return_if_fail (RS_IS_TABLE (self));
  g_return_if_fail (get_column (self, column)->type == RS_TABLE_TEXT);
  cell = get_cell (self, row, column);
  cell->text = text != NULL ? g_string_chunk_insert (self->strings, text) : NULL;
  cell->set = text != NULL;
}

void
rs_table_set_int (RsTable *self, guint row, guint column, gint64 value)
{
  Cell *cell;

  g_return_if_fail (RS_IS_TABLE (self));
  g_return_if_fail (get_column (self, column)->type != RS_TABLE_TEXT &&
                    get_column (self, column)->type != RS_TABLE_QUANTITY);
  cell = get_cell (self, row, column);
  cell->value = value;
  cell->set = TRUE;
}

void
rs_table_set_quantity (RsTable *self, guint row, guint column, gint64 milli, int decimals)
{
  Cell *cell;

  g_return_if_fail (RS_IS_TABLE (self));
  g_return_if_fail (get_column (self, column)->type == RS_TABLE_QUANTITY);
  g_return_if_fail (decimals >= 0 && decimals <= 3);
  cell = get_cell (self, row, column);
  cell->value = milli;
  cell->decimals = (gint8) decimals;
  cell->set = TRUE;
}

gboolean
rs_table_has_value (RsTable *self, guint row, guint column)
{
  g_return_val_if_fail (RS_IS_TABLE (self), FALSE);
  return get_cell (self, row, column)->set;
}

const char *
rs_table_get_text (RsTable *self, guint row, guint column)
{
  Cell *cell;

  g_return_val_if_fail (RS_IS_TABLE (self), NULL);
  cell = get_cell (self, row, column);
  return cell->text != NULL ? cell->text : "";
}

gint64
rs_table_get_int (RsTable *self, guint row, guint column)
{
  g_return_val_if_fail (RS_IS_TABLE (self), 0);
  return get_cell (self, row, column)->value;
}

int
rs_table_get_decimals (RsTable *self, guint row, guint column)
{
  g_return_val_if_fail (RS_IS_TABLE (self), 0);
  return get_cell (self, row, column)->decimals;
}

char *
rs_table_format_cell (RsTable *self, guint row, guint column)
{
  Cell *cell;
  g_autoptr(GDateTime) when = NULL;

  g_return_val_if_fail (RS_IS_TABLE (self), NULL);
  cell = get_cell (self, row, column);
  if (!cell->set)
    return g_strdup ("");

  switch (get_column (self, column)->type)
    {
    case RS_TABLE_TEXT:
      return g_strdup (cell->text);
    case RS_TABLE_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, cell->value);
    case RS_TABLE_MONEY:
      return rs_money_to_decimal (cell->value);
    case RS_TABLE_QUANTITY:
      return rs_quantity_format (cell->value, cell->decimals);
    case RS_TABLE_DATE:
    case RS_TABLE_DATETIME:
      when = g_date_time_new_from_unix_local (cell->value / G_USEC_PER_SEC);
      return g_date_time_format (when, get_column (self, column)->type == RS_TABLE_DATE
                                       ? "%Y-%m-%d" : "%Y-%m-%d %H:%M:%S");
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

char *
rs_table_display_cell (RsTable *self, guint row, guint column)
{
  g_return_val_if_fail (RS_IS_TABLE (self), NULL);
  if (get_column (self, column)->type == RS_TABLE_MONEY && get_cell (self, row, column)->set)
    return rs_money_format (get_cell (self, row, column)->value);
  return rs_table_format_cell (self, row, column);
}
