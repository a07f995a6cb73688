/* rs-dashboard-section.c */
#include "rs-dashboard-section.h"
#include "rs-gui-util.h"
#include "rs-i18n.h"

/* Returns listed under each heading; the rest are a click away in 退货. */
#define ROWS_SHOWN 5

/* The headings, in the order of the workflow; each shows when the user's roles take the
 * next step of returns in its state (core decides: RsReturnCounts.acts). */
static const struct
{
  RsReturnState state;
  const char   *title;
} stages[] = {
  { RS_RETURN_DRAFT, N_("Drafts to Submit") },
  { RS_RETURN_REJECTED, N_("Rejected, to Revise") },
  { RS_RETURN_SUBMITTED, N_("To Approve") },
  { RS_RETURN_APPROVED, N_("To Receive") },
  { RS_RETURN_RECEIVING, N_("Being Received") },
  { RS_RETURN_RECEIVED, N_("To Inspect") },
  { RS_RETURN_INSPECTED, N_("To Dispose") },
  { RS_RETURN_DISPOSED, N_("To Settle") },
};

struct _RsDashboardSection
{
  AdwBin parent_instance;

  RsSession *session;

  AdwStatusPage *welcome_page;
  GtkFlowBox *cards;
  GtkBox *groups;
};

static void rs_dashboard_section_iface_init (RsSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RsDashboardSection, rs_dashboard_section, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (RS_TYPE_SECTION, rs_dashboard_section_iface_init))

enum {
  PROP_0,
  PROP_SESSION,
};

static void
show_welcome (RsDashboardSection *self)
{
  RsUser *user = rs_session_get_user (self->session);
  g_autofree char *company = rs_settings_get (rs_session_get_database (self->session), RS_SETTING_COMPANY_NAME, "");
  g_autofree char *roles = rs_roles_to_display (rs_user_get_roles (user));
  g_autofree char *welcome = NULL;
  g_autofree char *description = NULL;

  /* TRANSLATORS: %s is the user's name */
  welcome = g_strdup_printf (_("Welcome, %s"), rs_user_get_display_name (user));
  adw_status_page_set_title (self->welcome_page, welcome);
  if (*company != '\0')
    /* TRANSLATORS: the first %s is the company, the second the user's roles, like "Sales, Warehouse keeper" */
    description = g_strdup_printf (_("You are logged in to %s as: %s."), company, roles);
  else
    /* TRANSLATORS: %s is the user's roles, like "Sales, Warehouse keeper" */
    description = g_strdup_printf (_("You are logged in as: %s."), roles);
  adw_status_page_set_description (self->welcome_page, description);
}

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (parent))
        gtk_flow_box_remove (GTK_FLOW_BOX (parent), child);
      else
        gtk_box_remove (GTK_BOX (parent), child);
    }
}

static RsReturnFlag *
find_pending_flag (RsReturn *ret)
{
  GListModel *flags = rs_return_get_flags (ret);

  for (guint i = 0; i < g_list_model_get_n_items (flags); i++)
    {
      g_autoptr(RsReturnFlag) flag = g_list_model_get_item (flags, i);
      if (rs_return_flag_get_pending (flag))
        return g_steal_pointer (&flag);
    }
  return NULL;
}

/* "2 days late", "5 hours late" (under two days of an inspection's hours): the excess, rounded up. */
static char *
describe_lateness (RsReturnFlag *flag)
{
  gint64 over = rs_return_flag_get_over (flag);

  if (rs_return_flag_get_in_hours (flag) && over < 2 * RS_US_PER_DAY)
    {
      guint hours = (guint) ((over + RS_US_PER_HOUR - 1) / RS_US_PER_HOUR);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hour late", "%u hours late", hours), hours);
    }
  else
    {
      guint days = (guint) ((over + RS_US_PER_DAY - 1) / RS_US_PER_DAY);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day late", "%u days late", days), days);
    }
}

static void
on_row_activated (RsDashboardSection *self, AdwActionRow *row)
{
  const char *number = g_object_get_data (G_OBJECT (row), "number");

  rs_gui_open (GTK_WIDGET (self), "returns", number);
}

static GtkWidget *
message_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

/* One return: number and customer; reason, value and age; in red how late it is. */
static GtkWidget *
return_row (RsDashboardSection *self, RsReturn *ret)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(RsReturnFlag) flag = find_pending_flag (ret);
  g_autofree char *amount = rs_money_format (rs_return_get_refund_value (ret));
  guint days = (guint) (rs_return_get_age (ret) / RS_US_PER_DAY);
  g_autofree char *age = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "open %u day", "open %u days", days), days);
  /* TRANSLATORS: a return in a list: its number and customer */
  g_autofree char *title = g_strdup_printf (_("%s · %s"), rs_return_get_number (ret), rs_return_get_customer_name (ret));
  /* TRANSLATORS: a return in a list: reason, value and how long it has been open, "Quality problem · ¥120.00 · open 3 days" */
  g_autofree char *subtitle = g_strdup_printf (_("%s · ¥%s · %s"), rs_return_get_reason_name (ret), amount, age);
  g_autofree char *description = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* One line each, ellipsized: wrapping labels are measured at every width the page tries,
   * which took the demo's dashboard a second to show (150 ms like this). */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (row, rs_return_get_number (ret));
  g_object_set_data_full (G_OBJECT (row), "number", g_strdup (rs_return_get_number (ret)), g_free);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_swapped (row, "activated", G_CALLBACK (on_row_activated), self);
  if (flag != NULL)
    {
      g_autofree char *late = describe_lateness (flag);
      g_autofree char *why = rs_return_flag_describe (flag);
      GtkWidget *label = gtk_label_new (late);

      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_tooltip_text (label, why);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      {
        GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

        gtk_widget_add_css_class (icon, "error");
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      }
      description = g_strdup_printf ("%s · %s", subtitle, why);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description != NULL ? description : subtitle,
                                  -1);
  return row;
}

static void
on_card_clicked (GtkWidget *group)
{
  GtkWidget *first = g_object_get_data (G_OBJECT (group), "first-row");

  if (first != NULL)
    gtk_widget_grab_focus (first);
}

/* A figure at the top: how many, what, how many of them late. Clicking goes to its list. */
static void
add_card (RsDashboardSection *self, const char *key, const char *title, guint count, guint overdue, GtkWidget *group)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *figure = g_strdup_printf ("%u", count);
  GtkWidget *number = gtk_label_new (figure);
  GtkWidget *label = gtk_label_new (title);
  g_autofree char *accessible = NULL;

  gtk_widget_add_css_class (button, "card");
  gtk_widget_add_css_class (button, "rs-dashboard-card");
  gtk_widget_set_name (button, key);
  gtk_widget_add_css_class (number, "title-1");
  if (count == 0)
    gtk_widget_add_css_class (number, "dim-label");
  else if (g_str_equal (key, "overdue"))
    gtk_widget_add_css_class (number, "error");
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), label);
  if (overdue > 0)
    {
      /* TRANSLATORS: how many of the returns under a heading are late */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue", overdue), overdue);
      GtkWidget *late = gtk_label_new (text);

      gtk_widget_add_css_class (late, "error");
      gtk_widget_add_css_class (late, "caption");
      gtk_box_append (GTK_BOX (box), late);
      /* TRANSLATORS: a figure of the dashboard for screen readers: "To Approve: 4, 1 overdue" */
      accessible = g_strdup_printf (_("%s: %u, %s"), title, count, text);
    }
  else
    /* TRANSLATORS: a figure of the dashboard for screen readers: "To Approve: 4" */
    accessible = g_strdup_printf (_("%s: %u"), title, count);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_card_clicked), group);
  gtk_flow_box_append (self->cards, button);
}

/* A heading and its first returns, oldest first: the ones that wait longest. */
static GtkWidget *
add_group (RsDashboardSection *self, const char *key, const char *title, RsReturnFilter *filter, guint count)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *first = NULL;

  gtk_widget_set_name (group, key);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  filter->waiting = TRUE;
  filter->sort = RS_RETURN_SORT_AGE;
  filter->ascending = FALSE;
  filter->limit = ROWS_SHOWN;
  list = count > 0 ? rs_returns_list (self->session, filter, &error) : NULL;
  if (count == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), message_row (_("Nothing waiting")));
  else if (list == NULL)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), message_row (error->message));
  else
    for (guint i = 0; i < g_list_model_get_n_items (list); i++)
      {
        g_autoptr(RsReturn) ret = g_list_model_get_item (list, i);
        GtkWidget *row = return_row (self, ret);

        if (first == NULL)
          first = row;
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      }
  if (count > ROWS_SHOWN)
    {
      GtkWidget *button = gtk_button_new ();
      /* TRANSLATORS: a button under the first returns of a heading, %u counts all */
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "All %u in Returns", "All %u in Returns", count), count);

      gtk_button_set_label (GTK_BUTTON (button), label);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "main.open");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "returns:");
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
    }
  g_object_set_data (G_OBJECT (group), "first-row", first);
  gtk_box_append (self->groups, group);
  return group;
}

static void
show_waiting (RsDashboardSection *self)
{
  RsReturnCounts counts;
  g_autoptr(GError) error = NULL;
  guint overdue = 0;
  gboolean acts = FALSE;

  remove_children (GTK_WIDGET (self->cards));
  remove_children (GTK_WIDGET (self->groups));
  if (!rs_returns_count_waiting (self->session, &counts, &error))
    {
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), message_row (error->message));
      gtk_box_append (self->groups, group);
      gtk_widget_set_visible (GTK_WIDGET (self->cards), FALSE);
      return;
    }
  for (guint i = 0; i < RS_RETURN_N_STATES; i++)
    {
      overdue += counts.overdue[i];
      acts |= counts.acts[i];
    }

  if (overdue > 0)
    {
      RsReturnFilter filter = { .state = -1, .overdue = TRUE };
      GtkWidget *group = add_group (self, "overdue", _("Overdue"), &filter, overdue);

      add_card (self, "overdue", _("Overdue"), overdue, 0, group);
    }
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      RsReturnState state = stages[i].state;
      RsReturnFilter filter = { .state = state };
      GtkWidget *group;

      if (!counts.acts[state])
        continue;
      group = add_group (self, rs_return_state_get_key (state), _(stages[i].title), &filter, counts.waiting[state]);
      add_card (self, rs_return_state_get_key (state), _(stages[i].title), counts.waiting[state],
                counts.overdue[state], group);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->cards), acts);
  if (!acts)
    {
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 message_row (_("Nothing waits for your roles. You may look at returns, slips and stock.")));
      gtk_box_append (self->groups, group);
    }
}

static void
rs_dashboard_section_refresh (RsSection *section)
{
  RsDashboardSection *self = RS_DASHBOARD_SECTION (section);

  show_welcome (self);
  show_waiting (self);
}

static void
rs_dashboard_section_iface_init (RsSectionInterface *iface)
{
  iface->refresh = rs_dashboard_section_refresh;
}

static void
rs_dashboard_section_constructed (GObject *object)
{
  RsDashboardSection *self = RS_DASHBOARD_SECTION (object);

  G_OBJECT_CLASS (rs_dashboard_section_parent_class)->constructed (object);
  g_assert (self->session != NULL);
  rs_dashboard_section_refresh (RS_SECTION (self));
}

static void
rs_dashboard_section_dispose (GObject *object)
{
  RsDashboardSection *self = RS_DASHBOARD_SECTION (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_DASHBOARD_SECTION);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (rs_dashboard_section_parent_class)->dispose (object);
}

static void
rs_dashboard_section_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsDashboardSection *self = RS_DASHBOARD_SECTION (object);

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
rs_dashboard_section_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RsDashboardSection *self = RS_DASHBOARD_SECTION (object);

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
rs_dashboard_section_class_init (RsDashboardSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rs_dashboard_section_constructed;
  object_class->dispose = rs_dashboard_section_dispose;
  object_class->get_property = rs_dashboard_section_get_property;
  object_class->set_property = rs_dashboard_section_set_property;
  g_object_class_override_property (object_class, PROP_SESSION, "session");

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/restockapp/Restock/rs-dashboard-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RsDashboardSection, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, RsDashboardSection, cards);
  gtk_widget_class_bind_template_child (widget_class, RsDashboardSection, groups);
}

static void
rs_dashboard_section_init (RsDashboardSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
