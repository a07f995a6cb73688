/* rs-master-section.c */
#include "rs-master-section.h"

struct _RsMasterSection
{
  AdwBin parent_instance;

  RsSession *session;

  AdwViewSwitcher *switcher;
  AdwViewStack *stack;
};

static void rs_master_section_iface_init (RsSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RsMasterSection, rs_master_section, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (RS_TYPE_SECTION, rs_master_section_iface_init))

enum {
  PROP_0,
  PROP_SESSION,
};

static const RsMasterKind *const kinds[] = {
  &rs_master_products, &rs_master_categories, &rs_master_customers,
  &rs_master_suppliers, &rs_master_warehouses, &rs_master_reasons,
};

RsMasterList *
rs_master_section_get_list (RsMasterSection *self, const char *kind_id)
{
  GtkWidget *page = adw_view_stack_get_child_by_name (self->stack, kind_id);

  return page != NULL ? RS_MASTER_LIST (page) : NULL;
}

static RsMasterList *
visible_list (RsMasterSection *self)
{
  GtkWidget *page = adw_view_stack_get_visible_child (self->stack);

  return page != NULL ? RS_MASTER_LIST (page) : NULL;
}

/* reference: a page ("customers"), or a page and an item to open ("products:P-1001"). */
static gboolean
rs_master_section_open (RsSection *section, const char *reference, GError **error)
{
  RsMasterSection *self = RS_MASTER_SECTION (section);
  g_auto(GStrv) parts = g_strsplit (reference, ":", 2);
  RsMasterList *list = rs_master_section_get_list (self, parts[0]);
  GListModel *model;

  if (list == NULL)
    return g_set_error (error, RS_ERROR, RS_ERROR_NOT_FOUND, _("There is no “%s” here."), reference), FALSE;
  adw_view_stack_set_visible_child (self->stack, GTK_WIDGET (list));
  if (parts[1] == NULL)
    return TRUE;
  model = rs_master_list_get_model (list);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *title = rs_master_list_get_kind (list)->describe (item);
      g_auto(GStrv) words = g_strsplit (title, " ", -1);

      if (g_strv_contains ((const char *const *) words, parts[1]))
        {
          rs_master_list_open_editor (list, item);
          return TRUE;
        }
    }
  return g_set_error (error, RS_ERROR, RS_ERROR_NOT_FOUND, _("There is no “%s” here."), reference), FALSE;
}

static void
rs_master_section_refresh (RsSection *section)
{
  RsMasterSection *self = RS_MASTER_SECTION (section);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    rs_master_list_reload_when_shown (rs_master_section_get_list (self, kinds[i]->id));
}

static void
rs_master_section_iface_init (RsSectionInterface *iface)
{
  iface->open = rs_master_section_open;
  iface->refresh = rs_master_section_refresh;
}

static gboolean
focus_search (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  RsMasterList *list = visible_list (RS_MASTER_SECTION (widget));

  if (list != NULL)
    rs_master_list_focus_search (list);
  return list != NULL;
}

static gboolean
new_item (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  RsMasterSection *self = RS_MASTER_SECTION (widget);
  RsMasterList *list = visible_list (self);

  if (list == NULL || !rs_permission_allows (self->session, rs_master_list_get_kind (list)->edit_action))
    return FALSE;
  rs_master_list_open_editor (list, NULL);
  return TRUE;
}

/* As rs_gui_stack_hide_other_pages() for a GtkStack: GTK 4.8 would leave the pages nobody
 * sees on the accessibility bus. */
static void
update_hidden_pages (RsMasterSection *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->stack);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GtkWidget *page = GTK_WIDGET (rs_master_section_get_list (self, kinds[i]->id));

      gtk_accessible_update_state (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_STATE_HIDDEN, page != visible, -1);
    }
}

static void
rs_master_section_constructed (GObject *object)
{
  RsMasterSection *self = RS_MASTER_SECTION (object);

  G_OBJECT_CLASS (rs_master_section_parent_class)->constructed (object);
  g_assert (self->session != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      AdwViewStackPage *page = adw_view_stack_add_titled (self->stack, rs_master_list_new (self->session, kinds[i]),
                                                          kinds[i]->id, _(kinds[i]->title));
      adw_view_stack_page_set_icon_name (page, kinds[i]->icon_name);
    }
  update_hidden_pages (self);
  g_signal_connect_swapped (self->stack, "notify::visible-child", G_CALLBACK (update_hidden_pages), self);
}

static void
rs_master_section_dispose (GObject *object)
{
  RsMasterSection *self = RS_MASTER_SECTION (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_MASTER_SECTION);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (rs_master_section_parent_class)->dispose (object);
}

static void
rs_master_section_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsMasterSection *self = RS_MASTER_SECTION (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_master_section_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RsMasterSection *self = RS_MASTER_SECTION (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_master_section_class_init (RsMasterSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rs_master_section_constructed;
  object_class->dispose = rs_master_section_dispose;
  object_class->get_property = rs_master_section_get_property;
  object_class->set_property = rs_master_section_set_property;
  g_object_class_override_property (object_class, PROP_SESSION, "session");

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/restockapp/Restock/rs-master-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RsMasterSection, switcher);
  gtk_widget_class_bind_template_child (widget_class, RsMasterSection, stack);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, focus_search, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, new_item, NULL);
}

static void
rs_master_section_init (RsMasterSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
