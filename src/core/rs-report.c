/* rs-report.c — a computed report: its table, the columns' JSON keys, exact extras. */
#include "rs-report-private.h"
#include "rs-i18n.h"
#include "rs-master-private.h"
#include "rs-money.h"

typedef struct
{
  guint  row;
  guint  extra;
  gint64 value;
  char  *text;     /* a text extra; NULL: the value */
} Extra;

static void
clear_extra (gpointer data)
{
  g_free (((Extra *) data)->text);
}

struct _RsReport
{
  GObject    parent_instance;
  char      *kind;
  char      *by;
  char      *from;
  char      *to;
  RsTable   *table;
  GPtrArray *keys;         /* of char *, one per column of the table */
  GPtrArray *extra_keys;   /* of char * */
  GArray    *extras;       /* of Extra */
  guint      n_rows;
  gboolean   has_total;
};

G_DEFINE_FINAL_TYPE (RsReport, rs_report, G_TYPE_OBJECT)

static void
rs_report_finalize (GObject *object)
{
  RsReport *self = RS_REPORT (object);

  g_free (self->kind);
  g_free (self->by);
  g_free (self->from);
  g_free (self->to);
  g_clear_object (&self->table);
  g_ptr_array_unref (self->keys);
  g_ptr_array_unref (self->extra_keys);
  g_array_unref (self->extras);
  G_OBJECT_CLASS (rs_report_parent_class)->finalize (object);
}

static void
rs_report_class_init (RsReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rs_report_finalize;
}

static void
rs_report_init (RsReport *self)
{
  self->keys = g_ptr_array_new_with_free_func (g_free);
  self->extra_keys = g_ptr_array_new_with_free_func (g_free);
  self->extras = g_array_new (FALSE, FALSE, sizeof (Extra));
  g_array_set_clear_func (self->extras, clear_extra);
}

RsReport *
rs_report_new (const char *kind, const char *by, const char *title, const char *from, const char *to)
{
  RsReport *self = g_object_new (RS_TYPE_REPORT, NULL);

  self->kind = g_strdup (kind);
  self->by = g_strdup (by);
  self->from = g_strdup (from);
  self->to = g_strdup (to);
  self->table = rs_table_new (title);
  return self;
}

const char *rs_report_get_kind (RsReport *self) { return self->kind; }
const char *rs_report_get_by (RsReport *self) { return self->by; }
const char *rs_report_get_from (RsReport *self) { return self->from; }
const char *rs_report_get_to (RsReport *self) { return self->to; }
RsTable *rs_report_get_table (RsReport *self) { return self->table; }
guint rs_report_get_n_rows (RsReport *self) { return self->n_rows; }
gboolean rs_report_has_total (RsReport *self) { return self->has_total; }

const char *
rs_report_get_column_key (RsReport *self, guint column)
{
  g_return_val_if_fail (RS_IS_REPORT (self), NULL);
  g_return_val_if_fail (column < self->keys->len, NULL);
  return g_ptr_array_index (self->keys, column);
}

guint
rs_report_add_column (RsReport *self, const char *key, const char *name, RsTableType type)
{
  g_ptr_array_add (self->keys, g_strdup (key));
  return rs_table_add_column (self->table, name, type);
}

guint
rs_report_add_extra (RsReport *self, const char *key)
{
  g_ptr_array_add (self->extra_keys, g_strdup (key));
  return self->extra_keys->len - 1;
}

guint
rs_report_add_row (RsReport *self)
{
  g_return_val_if_fail (!self->has_total, 0);
  self->n_rows++;
  return rs_table_add_row (self->table);
}

guint
rs_report_add_total (RsReport *self)
{
  guint row;

  g_return_val_if_fail (!self->has_total, 0);
  self->has_total = TRUE;
  row = rs_table_add_row (self->table);
  rs_table_set_text (self->table, row, 0, C_("report", "Total"));
  return row;
}

void
rs_report_set_extra (RsReport *self, guint row, guint extra, gint64 value)
{
  Extra e = { row, extra, value, NULL };

  g_return_if_fail (extra < self->extra_keys->len);
  g_array_append_val (self->extras, e);
}

void
rs_report_set_extra_text (RsReport *self, guint row, guint extra, const char *text)
{
  Extra e = { row, extra, 0, g_strdup (text) };

  g_return_if_fail (extra < self->extra_keys->len);
  g_return_if_fail (text != NULL);
  g_array_append_val (self->extras, e);
}

static void
add_cell (RsReport *self, JsonBuilder *builder, guint row, guint column)
{
  json_builder_set_member_name (builder, g_ptr_array_index (self->keys, column));
  if (!rs_table_has_value (self->table, row, column))
    {
      json_builder_add_null_value (builder);
      return;
    }
  switch (rs_table_get_column_type (self->table, column))
    {
    case RS_TABLE_TEXT:
      json_builder_add_string_value (builder, rs_table_get_text (self->table, row, column));
      break;
    case RS_TABLE_INTEGER:
      json_builder_add_int_value (builder, rs_table_get_int (self->table, row, column));
      break;
    case RS_TABLE_MONEY:
      {
        g_autofree char *text = rs_money_to_decimal (rs_table_get_int (self->table, row, column));
        json_builder_add_string_value (builder, text);
      }
      break;
    case RS_TABLE_QUANTITY:
      {
        g_autofree char *text = rs_quantity_to_decimal (rs_table_get_int (self->table, row, column));
        json_builder_add_string_value (builder, text);
      }
      break;
    case RS_TABLE_DATE:
    case RS_TABLE_DATETIME:
    default:
      {
        g_autofree char *text = rs_table_format_cell (self->table, row, column);
        json_builder_add_string_value (builder, text);
      }
      break;
    }
}

static JsonNode *
row_to_json (RsReport *self, guint row)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  for (guint c = 0; c < self->keys->len; c++)
    add_cell (self, builder, row, c);
  for (guint e = 0; e < self->extra_keys->len; e++)
    {
      gboolean found = FALSE;

      json_builder_set_member_name (builder, g_ptr_array_index (self->extra_keys, e));
      for (guint i = 0; i < self->extras->len && !found; i++)
        {
          const Extra *x = &g_array_index (self->extras, Extra, i);

          if (x->row == row && x->extra == e)
            {
              if (x->text != NULL)
                json_builder_add_string_value (builder, x->text);
              else
                json_builder_add_int_value (builder, x->value);
              found = TRUE;
            }
        }
      if (!found)
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
rs_report_to_json (RsReport *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (RS_IS_REPORT (self), NULL);

  json_builder_begin_object (builder);
  rs_json_add_string (builder, "report", self->kind);
  rs_json_add_string (builder, "by", self->by);
  rs_json_add_string (builder, "from", self->from);
  rs_json_add_string (builder, "to", self->to);
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint c = 0; c < self->keys->len; c++)
    {
      json_builder_begin_object (builder);
      rs_json_add_string (builder, "key", g_ptr_array_index (self->keys, c));
      rs_json_add_string (builder, "name", rs_table_get_column_name (self->table, c));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint r = 0; r < self->n_rows; r++)
    json_builder_add_value (builder, row_to_json (self, r));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "total");
  if (self->has_total)
    json_builder_add_value (builder, row_to_json (self, self->n_rows));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
