/* rs-master-list.c */
#include "rs-master-list.h"
#include "rs-gui-util.h"
#include "rs-master-editor.h"

#include <string.h>

struct _RsMasterList
{
  GtkBox parent_instance;

  RsSession *session;
  const RsMasterKind *kind;
  GListModel *model;

  GtkSearchEntry *search_entry;
  GtkCheckButton *inactive_check;
  GtkStack *stack;
  RsTableView *view;
  AdwStatusPage *empty_page;
  gboolean stale;   /* read again when next shown */
};

G_DEFINE_FINAL_TYPE (RsMasterList, rs_master_list, GTK_TYPE_BOX)

/* ---- for the kinds ------------------------------------------------------------ */

typedef struct
{
  char      *(*text) (gpointer item);
  char       *folded;
  gboolean     include_inactive;
  gboolean   (*get_active) (gpointer item);
} Match;

static void
match_free (Match *match)
{
  g_free (match->folded);
  g_free (match);
}

static gboolean
matches (gpointer item, gpointer user_data)
{
  Match *match = user_data;
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  if (!match->include_inactive && !match->get_active (item))
    return FALSE;
  if (match->folded == NULL)
    return TRUE;
  text = match->text (item);
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, match->folded) != NULL;
}

GListModel *
rs_master_filter (GListModel *items, char *(*text) (gpointer item), const char *search,
                  gboolean include_inactive, gboolean (*get_active) (gpointer item))
{
  Match *match = g_new0 (Match, 1);
  g_autoptr(GListStore) store = NULL;

  match->text = text;
  match->folded = search != NULL && *search != '\0' ? g_utf8_casefold (search, -1) : NULL;
  match->include_inactive = include_inactive;
  match->get_active = get_active;
  /* A store of what matches now: the list is a snapshot, as core's lists are. */
  store = g_list_store_new (g_list_model_get_item_type (items));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      if (matches (item, match))
        g_list_store_append (store, item);
    }
  match_free (match);
  g_object_unref (items);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

GtkLabel *
rs_master_message_new (void)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_xalign (label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (label), "form-hint");
  gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
  return label;
}

char *
rs_master_needs_role (RsAction action)
{
  g_autofree char *roles = rs_roles_to_display (rs_action_get_roles (action));

  /* TRANSLATORS: %s lists roles, like "Administrator, Warehouse keeper" */
  return g_strdup_printf (_("Needs the role %s"), roles);
}

/* ---- the list ----------------------------------------------------------------- */

static char *
state_text (gpointer item, gpointer data)
{
  const RsMasterKind *kind = data;

  return kind->get_active (item) ? NULL : g_strdup (_("Inactive"));
}

void
rs_master_list_reload (RsMasterList *self)
{
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  self->stale = FALSE;
  model = self->kind->list (self->session, search, gtk_check_button_get_active (self->inactive_check), &error);
  if (model == NULL)
    {
      rs_gui_notify_error (GTK_WIDGET (self), error);
      return;
    }
  g_set_object (&self->model, model);
  rs_table_view_set_model (self->view, model);
  adw_status_page_set_description (self->empty_page,
                                   *search != '\0' ? _("Nothing matches the search.") : _("Nothing here yet."));
  gtk_stack_set_visible_child_name (self->stack, g_list_model_get_n_items (model) > 0 ? "list" : "empty");
}

void
rs_master_list_reload_when_shown (RsMasterList *self)
{
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rs_master_list_reload (self);
}

static void
on_map (RsMasterList *self)
{
  if (self->stale)
    rs_master_list_reload (self);
}

GListModel *
rs_master_list_get_model (RsMasterList *self)
{
  if (self->stale)
    rs_master_list_reload (self);
  return self->model;
}

const RsMasterKind *
rs_master_list_get_kind (RsMasterList *self)
{
  return self->kind;
}

GtkWidget *
rs_master_list_open_editor (RsMasterList *self, gpointer item)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  RsMasterEditor *editor = rs_master_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                 self->session, self->kind, item);

  g_signal_connect_object (editor, "saved", G_CALLBACK (rs_master_list_reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WIDGET (editor);
}

void
rs_master_list_focus_search (RsMasterList *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
new_clicked (RsMasterList *self)
{
  rs_master_list_open_editor (self, NULL);
}

static void
row_activated (RsMasterList *self, guint position)
{
  g_autoptr(GObject) item = self->model != NULL ? g_list_model_get_item (self->model, position) : NULL;

  if (item != NULL)
    rs_master_list_open_editor (self, item);
}

static void
build (RsMasterList *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *new_button = gtk_button_new_with_mnemonic (_(self->kind->new_label));

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 12);
  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(self->kind->search_label), -1);
  g_object_set (self->search_entry, "placeholder-text", _(self->kind->search_label), NULL);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (rs_master_list_reload), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->search_entry));

  self->inactive_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_("Show Inactive")));
  g_signal_connect_swapped (self->inactive_check, "toggled", G_CALLBACK (rs_master_list_reload), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->inactive_check));

  gtk_widget_add_css_class (new_button, "suggested-action");
  gtk_widget_set_margin_start (new_button, 6);
  if (!rs_permission_allows (self->session, self->kind->edit_action))
    {
      g_autofree char *why = rs_master_needs_role (self->kind->edit_action);

      gtk_widget_set_sensitive (new_button, FALSE);
      gtk_widget_set_tooltip_text (new_button, why);
    }
  g_signal_connect_swapped (new_button, "clicked", G_CALLBACK (new_clicked), self);
  gtk_box_append (GTK_BOX (bar), new_button);
  gtk_box_append (GTK_BOX (self), bar);
  gtk_box_append (GTK_BOX (self), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->view = RS_TABLE_VIEW (rs_table_view_new ());
  rs_table_view_set_accessible_name (self->view, _(self->kind->title));
  g_signal_connect_swapped (self->view, "activate", G_CALLBACK (row_activated), self);
  self->kind->add_columns (self->view);
  rs_table_view_add_column_with_data (self->view, _("State"), state_text, (gpointer) self->kind, RS_COLUMN_TAG,
                                      _("Inactive"), -1);

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, self->kind->icon_name);
  adw_status_page_set_title (self->empty_page, _(self->kind->title));
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_page), "compact");

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->view), "list");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
  rs_gui_stack_hide_other_pages (self->stack);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->stack));
}

GtkWidget *
rs_master_list_new (RsSession *session, const RsMasterKind *kind)
{
  RsMasterList *self = g_object_new (RS_TYPE_MASTER_LIST, "orientation", GTK_ORIENTATION_VERTICAL, NULL);

  self->session = g_object_ref (session);
  self->kind = kind;
  build (self);
  /* Read when first shown: a hundred thousand products cost a second, and most visits to
   * 资料 look at one kind. */
  self->stale = TRUE;
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  return GTK_WIDGET (self);
}

static void
rs_master_list_dispose (GObject *object)
{
  RsMasterList *self = RS_MASTER_LIST (object);

  g_clear_object (&self->model);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (rs_master_list_parent_class)->dispose (object);
}

static void
rs_master_list_class_init (RsMasterListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rs_master_list_dispose;
}

static void
rs_master_list_init (RsMasterList *self)
{
}
