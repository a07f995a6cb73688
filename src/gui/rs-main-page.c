/* rs-main-page.c */
#include "rs-main-page.h"

struct _RsMainPage
{
  AdwBin parent_instance;

  RsSession *session;

  AdwWindowTitle *window_title;
  AdwAvatar *avatar;
  GtkLabel *user_label;
  GtkLabel *roles_label;
  AdwStatusPage *welcome_page;
};

G_DEFINE_FINAL_TYPE (RsMainPage, rs_main_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
rs_main_page_new (void)
{
  return g_object_new (RS_TYPE_MAIN_PAGE, NULL);
}

void
rs_main_page_set_session (RsMainPage *self, RsSession *session)
{
  RsUser *user;
  g_autofree char *company = NULL;
  g_autofree char *roles = NULL;
  g_autofree char *welcome = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (RS_IS_MAIN_PAGE (self));

  if (!g_set_object (&self->session, session))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
  if (session == NULL)
    return;

  user = rs_session_get_user (session);
  company = rs_settings_get (rs_session_get_database (session), RS_SETTING_COMPANY_NAME, "");
  roles = rs_roles_to_display (rs_user_get_roles (user));

  adw_window_title_set_subtitle (self->window_title, company);
  adw_avatar_set_text (self->avatar, rs_user_get_display_name (user));
  gtk_label_set_text (self->user_label, rs_user_get_display_name (user));
  gtk_label_set_text (self->roles_label, roles);

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

RsSession *
rs_main_page_get_session (RsMainPage *self)
{
  g_return_val_if_fail (RS_IS_MAIN_PAGE (self), NULL);
  return self->session;
}

static void
rs_main_page_dispose (GObject *object)
{
  RsMainPage *self = RS_MAIN_PAGE (object);

  /* AdwBin would unparent its child again after the template let go of it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_MAIN_PAGE);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (rs_main_page_parent_class)->dispose (object);
}

static void
rs_main_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsMainPage *self = RS_MAIN_PAGE (object);

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
rs_main_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RsMainPage *self = RS_MAIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      rs_main_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_main_page_class_init (RsMainPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_main_page_dispose;
  object_class->get_property = rs_main_page_get_property;
  object_class->set_property = rs_main_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/restockapp/Restock/rs-main-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RsMainPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, RsMainPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, RsMainPage, user_label);
  gtk_widget_class_bind_template_child (widget_class, RsMainPage, roles_label);
  gtk_widget_class_bind_template_child (widget_class, RsMainPage, welcome_page);
}

static void
rs_main_page_init (RsMainPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
