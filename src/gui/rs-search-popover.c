/* rs-search-popover.c */
#include "rs-search-popover.h"
#include "rs-gui-util.h"
#include "rs-i18n.h"

/* Hits listed of each kind: enough to pick from, few enough to read at a glance. */
#define HITS_PER_KIND 5

static const struct
{
  const char *section;   /* where a hit opens */
  const char *prefix;    /* before the reference: the master section's page */
  const char *heading;
  const char *icon_name;
} kinds[RS_SEARCH_N_KINDS] = {
  [RS_SEARCH_RETURN] = { "returns", "", N_("Returns"), "edit-undo-symbolic" },
  [RS_SEARCH_SLIP] = { "slips", "", N_("Slips"), "document-open-symbolic" },
  [RS_SEARCH_PRODUCT] = { "stock", "", N_("Products"), "package-x-generic-symbolic" },
  [RS_SEARCH_CUSTOMER] = { "master", "customers:", N_("Customers"), "avatar-default-symbolic" },
};

struct _RsSearchPopover
{
  GtkPopover parent_instance;

  RsSession *session;
  GtkSearchEntry *entry;
  GtkListBox *results;
  GtkWidget *scrolled;
  GtkLabel *status;
};

G_DEFINE_FINAL_TYPE (RsSearchPopover, rs_search_popover, GTK_TYPE_POPOVER)

static void
open_reference (RsSearchPopover *self, RsSearchKind kind, const char *reference)
{
  g_autofree char *target = g_strconcat (kinds[kind].prefix, reference, NULL);

  gtk_popover_popdown (GTK_POPOVER (self));
  rs_gui_open (GTK_WIDGET (self), kinds[kind].section, target);
}

static void
on_row_activated (RsSearchPopover *self, GtkListBoxRow *row)
{
  open_reference (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kind")),
                  g_object_get_data (G_OBJECT (row), "reference"));
}

static void
update_header (GtkListBoxRow *row, GtkListBoxRow *before, gpointer user_data)
{
  int kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kind"));
  GtkWidget *header;

  if (before != NULL && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (before), "kind")) == kind)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (_(kinds[kind].heading));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_list_box_row_set_header (row, header);
}

static void
show_status (RsSearchPopover *self, const char *message)
{
  gtk_label_set_text (self->status, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status), message != NULL);
}

static void
clear_results (RsSearchPopover *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);
}

static void
on_search_changed (RsSearchPopover *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  clear_results (self);
  hits = rs_search_everywhere (self->session, text, HITS_PER_KIND, &error);
  if (hits == NULL)
    {
      show_status (self, error->message);
      return;
    }
  for (guint i = 0; i < hits->len; i++)
    {
      RsSearchHit *hit = g_ptr_array_index (hits, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hit->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), hit->subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (kinds[hit->kind].icon_name));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "kind", GINT_TO_POINTER (hit->kind));
      g_object_set_data_full (G_OBJECT (row), "reference", g_strdup (hit->reference), g_free);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, hit->title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hit->subtitle, -1);
      gtk_list_box_append (self->results, row);
    }
  gtk_widget_set_visible (self->scrolled, hits->len > 0);
  if (hits->len == 0 && *text != '\0')
    {
      /* TRANSLATORS: %s is what the user searched for */
      g_autofree char *message = g_strdup_printf (_("Nothing found for “%s”."), text);
      show_status (self, message);
    }
  else
    show_status (self, hits->len == 0 ? _("Type a number, a name, a product or a phone number.") : NULL);
}

/* Enter: an exact document number opens it (what a scanner types); otherwise the first hit. */
static void
on_activate (RsSearchPopover *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  RsSearchKind kind;
  GtkListBoxRow *first;

  number = rs_search_document (self->session, text, &kind, &error);
  if (number != NULL)
    {
      open_reference (self, kind, number);
      return;
    }
  if (error != NULL)
    {
      show_status (self, error->message);
      return;
    }
  /* The results may lag behind the typing (the entry waits a moment): search now. */
  on_search_changed (self);
  first = gtk_list_box_get_row_at_index (self->results, 0);
  if (first != NULL)
    on_row_activated (self, first);
}

static void
on_stop_search (RsSearchPopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_shown (RsSearchPopover *self)
{
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  on_search_changed (self);
}

GtkWidget *
rs_search_popover_get_entry (RsSearchPopover *self)
{
  g_return_val_if_fail (RS_IS_SEARCH_POPOVER (self), NULL);
  return GTK_WIDGET (self->entry);
}

GtkListBox *
rs_search_popover_get_results (RsSearchPopover *self)
{
  g_return_val_if_fail (RS_IS_SEARCH_POPOVER (self), NULL);
  return self->results;
}

GtkWidget *
rs_search_popover_new (RsSession *session)
{
  RsSearchPopover *self;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  self = g_object_new (RS_TYPE_SEARCH_POPOVER, NULL);
  self->session = g_object_ref (session);
  return GTK_WIDGET (self);
}

static void
rs_search_popover_dispose (GObject *object)
{
  RsSearchPopover *self = RS_SEARCH_POPOVER (object);

  g_clear_object (&self->session);
  G_OBJECT_CLASS (rs_search_popover_parent_class)->dispose (object);
}

static void
rs_search_popover_class_init (RsSearchPopoverClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rs_search_popover_dispose;
}

static void
rs_search_popover_init (RsSearchPopover *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = self->scrolled = gtk_scrolled_window_new ();

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->entry, "placeholder-text", _("Returns, slips, products, customers"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search Everywhere"), -1);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_activate), self);
  g_signal_connect_swapped (self->entry, "stop-search", G_CALLBACK (on_stop_search), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));

  self->results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->results, GTK_SELECTION_NONE);
  gtk_list_box_set_header_func (self->results, update_header, NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->results), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search Results"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->results), "navigation-sidebar");
  g_signal_connect_swapped (self->results, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->results));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 460);
  gtk_widget_set_size_request (scrolled, 380, -1);
  gtk_widget_set_visible (scrolled, FALSE);
  gtk_box_append (GTK_BOX (box), scrolled);

  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status, TRUE);
  gtk_label_set_max_width_chars (self->status, 40);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->status), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->status), 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status));

  gtk_popover_set_child (GTK_POPOVER (self), box);
  g_signal_connect (self, "show", G_CALLBACK (on_shown), NULL);
}
