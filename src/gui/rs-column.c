/* rs-column.c */
#include "rs-column.h"
#include "rs-core.h"

static void
text_setup (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  RsColumnFlags flags = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), (flags & RS_COLUMN_NUMERIC) ? 1.0 : 0.0);
  if (flags & RS_COLUMN_NUMERIC)
    gtk_widget_add_css_class (label, "numeric");
  if (flags & RS_COLUMN_DIM)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_list_item_set_child (list_item, label);
}

static void
text_bind (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  RsColumnTextFunc text = g_object_get_data (G_OBJECT (factory), "rs-column-text");
  g_autofree char *value = text (gtk_list_item_get_item (list_item));
  GtkWidget *label = gtk_list_item_get_child (list_item);

  /* An empty label would reach screen readers as "GtkLabel". */
  gtk_label_set_text (GTK_LABEL (label), value != NULL ? value : "");
  gtk_widget_set_visible (label, value != NULL && *value != '\0');
}

GtkColumnViewColumn *
rs_column_add_text (GtkColumnView *view, const char *title, RsColumnTextFunc text, RsColumnFlags flags)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "rs-column-text", text);
  g_signal_connect (factory, "setup", G_CALLBACK (text_setup), GINT_TO_POINTER (flags));
  g_signal_connect (factory, "bind", G_CALLBACK (text_bind), NULL);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, (flags & RS_COLUMN_EXPAND) != 0);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);   /* the view holds it */
  return column;
}

/* The key of the last probe called: only ever touched on the GTK thread. */
static int probe_hit = -1;

static int
probe_compare (gconstpointer a, gconstpointer b, gpointer user_data)
{
  probe_hit = GPOINTER_TO_INT (user_data);
  return GTK_ORDERING_SMALLER;
}

void
rs_column_set_sort_key (GtkColumnViewColumn *column, int key)
{
  g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (probe_compare, GINT_TO_POINTER (key), NULL);

  g_return_if_fail (key >= 0);
  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
}

gboolean
rs_column_view_get_sort (GtkColumnView *view, int *key, gboolean *descending)
{
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkSorter *sorter = gtk_column_view_get_sorter (view);
  GtkOrdering order;

  if (sorter == NULL)
    return FALSE;
  probe_hit = -1;
  order = gtk_sorter_compare (sorter, a, b);
  if (probe_hit < 0 || order == GTK_ORDERING_EQUAL)
    return FALSE;
  *key = probe_hit;
  *descending = order == GTK_ORDERING_LARGER;
  return TRUE;
}

char *
rs_column_format_quantity (gint64 milli, int decimals, gboolean signed_)
{
  g_autofree char *magnitude = rs_quantity_format (ABS (milli), decimals);

  if (milli < 0)
    return g_strconcat ("−", magnitude, NULL);   /* a real minus sign, as wide as the plus */
  return g_strconcat (signed_ && milli > 0 ? "+" : "", magnitude, NULL);
}

char *
rs_column_format_time (gint64 when_us)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (when_us / G_USEC_PER_SEC);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%d %H:%M") : NULL;
}

void
rs_column_name_drop_down (GtkDropDown *drop_down, const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}
