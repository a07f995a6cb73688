/* rs-admin-documents.c */
#include "rs-admin-documents.h"
#include "rs-form.h"
#include "rs-gui-util.h"
#include "rs-pdf-font.h"

struct _RsAdminDocuments
{
  AdwPreferencesPage parent_instance;

  RsSession *session;
  GtkNativeDialog *chooser;

  GtkWidget *company_rows[3];   /* name, address, phone */
  GtkLabel *company_error;
  GtkPicture *logo_picture;
  GtkWidget *logo_placeholder;
  GtkWidget *logo_remove;
  AdwComboRow *template_row;
  GtkWidget *font_row;
  GtkLabel *font_error;
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (RsAdminDocuments, rs_admin_documents, ADW_TYPE_PREFERENCES_PAGE)

enum { PROP_0, PROP_SESSION, N_PROPS };

static const char * const company_keys[] = {
  RS_SETTING_COMPANY_NAME, RS_SETTING_COMPANY_ADDRESS, RS_SETTING_COMPANY_PHONE,
};
static const char * const template_nicks[] = { "a4", "a5", "form241" };

static GtkWidget *
form_hint (gboolean error)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "form-hint");
  gtk_widget_add_css_class (label, error ? "error" : "dim-label");
  gtk_widget_set_visible (label, !error);
  return label;
}

/* ---- company details ---- */

static void
on_company_applied (AdwEntryRow *row, RsAdminDocuments *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "rs-setting");
  g_autoptr(GError) error = NULL;

  if (!rs_settings_set (self->session, key, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      rs_form_mark_field (GTK_WIDGET (row), TRUE);
      rs_form_set_message (self->company_error, error->message);
      return;
    }
  rs_form_mark_field (GTK_WIDGET (row), FALSE);
  rs_form_set_message (self->company_error, NULL);
  rs_gui_notify (GTK_WIDGET (self), _("Saved. Documents printed from now on show it."));
}

/* ---- the logo ---- */

static void
show_logo (RsAdminDocuments *self)
{
  RsDatabase *db = rs_session_get_database (self->session);
  g_autofree char *hash = rs_settings_get (db, RS_SETTING_COMPANY_LOGO, "");
  g_autoptr(RsAttachmentStore) store = rs_attachment_store_new (db);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  if (*hash != '\0')
    {
      bytes = rs_attachment_store_read (store, hash, &error);
      if (bytes != NULL)
        texture = gdk_texture_new_from_bytes (bytes, &error);
      if (texture == NULL)
        rs_gui_notify_error (GTK_WIDGET (self), error);
    }
  gtk_picture_set_paintable (self->logo_picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->logo_picture), texture != NULL);
  gtk_widget_set_visible (self->logo_placeholder, texture == NULL);
  gtk_widget_set_sensitive (self->logo_remove, *hash != '\0');
}

static void
on_logo_chosen (GtkNativeDialog *chooser, int response, RsAdminDocuments *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path != NULL && !rs_settings_set_logo (self->session, path, &error))
        rs_gui_notify_error (GTK_WIDGET (self), error);
      else
        show_logo (self);
    }
  g_clear_object (&self->chooser);
}

static void
on_logo_choose_clicked (RsAdminDocuments *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose the Company Logo"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PNG or JPEG pictures"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_logo_chosen), self);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
on_logo_remove_clicked (RsAdminDocuments *self)
{
  g_autoptr(GError) error = NULL;

  if (!rs_settings_set_logo (self->session, NULL, &error))
    rs_gui_notify_error (GTK_WIDGET (self), error);
  show_logo (self);
}

/* ---- printing ---- */

static void
on_template_selected (RsAdminDocuments *self)
{
  guint selected = adw_combo_row_get_selected (self->template_row);
  g_autoptr(GError) error = NULL;

  if (self->loading || selected >= G_N_ELEMENTS (template_nicks))
    return;
  if (!rs_settings_set (self->session, RS_SETTING_PRINT_TEMPLATE, template_nicks[selected], &error))
    {
      rs_gui_notify_error (GTK_WIDGET (self), error);
      rs_admin_documents_refresh (self);
    }
}

gboolean
rs_admin_documents_set_font (RsAdminDocuments *self, const char *path, GError **out_error)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  int index = 0;

  g_return_val_if_fail (RS_IS_ADMIN_DOCUMENTS (self), FALSE);

  /* The loader the documents use decides: a file it cannot print Chinese with is refused here. */
  if (*path != '\0')
    found = rs_pdf_font_find_cjk (path, &index, &error);
  if ((*path == '\0' || found != NULL) &&
      rs_settings_set (self->session, RS_SETTING_PRINT_FONT, path, &error))
    {
      rs_form_mark_field (self->font_row, FALSE);
      rs_form_set_message (self->font_error, NULL);
      return TRUE;
    }
  rs_form_mark_field (self->font_row, TRUE);
  rs_form_set_message (self->font_error, error->message);
  g_propagate_error (out_error, g_steal_pointer (&error));
  return FALSE;
}

const char *
rs_admin_documents_get_font_error (RsAdminDocuments *self)
{
  g_return_val_if_fail (RS_IS_ADMIN_DOCUMENTS (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->font_error)) ? gtk_label_get_text (self->font_error) : "";
}

static void
on_font_changed (RsAdminDocuments *self)
{
  if (self->loading)
    return;
  rs_form_mark_field (self->font_row, FALSE);
  rs_form_set_message (self->font_error, NULL);
}

static void
on_font_applied (RsAdminDocuments *self)
{
  if (rs_admin_documents_set_font (self, gtk_editable_get_text (GTK_EDITABLE (self->font_row)), NULL))
    rs_gui_notify (GTK_WIDGET (self), _("Saved. Documents printed from now on use this font."));
}

static void
on_font_chosen (GtkNativeDialog *chooser, int response, RsAdminDocuments *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->font_row), path);
          on_font_applied (self);
        }
    }
  g_clear_object (&self->chooser);
}

static void
on_font_choose_clicked (RsAdminDocuments *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose the Font for Documents"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("TrueType fonts"));
  gtk_file_filter_add_pattern (filter, "*.ttf");
  gtk_file_filter_add_pattern (filter, "*.ttc");
  gtk_file_filter_add_pattern (filter, "*.TTF");
  gtk_file_filter_add_pattern (filter, "*.TTC");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_font_chosen), self);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* ---- building ---- */

static GtkWidget *
icon_button (const char *icon, const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
build (RsAdminDocuments *self)
{
  const char *company_titles[] = { N_("Company _name"), N_("_Address"), N_("_Phone") };
  const char *template_names[] = { N_("A4 portrait"), N_("A5 landscape"), N_("241 × 140 mm continuous form") };
  GtkWidget *group, *row, *button, *box;
  GtkStringList *templates;

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Company"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Printed at the top of every document. Press Enter or the tick to save a field."));
  for (guint i = 0; i < G_N_ELEMENTS (company_keys); i++)
    {
      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(company_titles[i]));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "rs-setting", (gpointer) company_keys[i]);
      g_signal_connect (row, "apply", G_CALLBACK (on_company_applied), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      self->company_rows[i] = row;
    }
  self->company_error = GTK_LABEL (form_hint (TRUE));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->company_error));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Logo"));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Company logo"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("A PNG or JPEG picture, printed beside the company name"));
  /* A fixed square, whatever the picture's shape: the row's title stays in its place. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_size_request (box, 64, 64);
  gtk_widget_set_hexpand (box, FALSE);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  self->logo_picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (self->logo_picture, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->logo_picture), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->logo_picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Company logo"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->logo_picture));
  self->logo_placeholder = gtk_image_new_from_icon_name ("image-x-generic-symbolic");
  gtk_image_set_pixel_size (GTK_IMAGE (self->logo_placeholder), 32);
  gtk_widget_set_hexpand (self->logo_placeholder, TRUE);
  gtk_widget_add_css_class (self->logo_placeholder, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->logo_placeholder), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("No logo"), -1);
  gtk_box_append (GTK_BOX (box), self->logo_placeholder);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), box);
  button = gtk_button_new_with_label (_("Choose…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_logo_choose_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  self->logo_remove = icon_button ("user-trash-symbolic", _("Remove Logo"));
  g_signal_connect_swapped (self->logo_remove, "clicked", G_CALLBACK (on_logo_remove_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->logo_remove);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Printing"));
  templates = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (template_names); i++)
    gtk_string_list_append (templates, _(template_names[i]));
  self->template_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->template_row), _("Default _paper"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->template_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->template_row), _("Used unless a print chooses another"));
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (templates));
  g_object_unref (templates);
  g_signal_connect_swapped (self->template_row, "notify::selected", G_CALLBACK (on_template_selected), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->template_row));

  self->font_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->font_row), _("Chinese _font file"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->font_row), TRUE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->font_row), TRUE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->font_row), TRUE);
  g_signal_connect_swapped (self->font_row, "apply", G_CALLBACK (on_font_applied), self);
  g_signal_connect_swapped (self->font_row, "changed", G_CALLBACK (on_font_changed), self);
  button = icon_button ("document-open-symbolic", _("Choose Font File"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_font_choose_clicked), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->font_row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->font_row);
  self->font_error = GTK_LABEL (form_hint (TRUE));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->font_row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->font_error, NULL, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->font_error));
  {
    GtkWidget *hint = form_hint (FALSE);
    g_autofree char *text = g_strdup_printf (_("A TrueType font with Chinese characters. Empty: %s, found on this computer."),
                                             RS_PDF_DEFAULT_CJK_FAMILY);
    gtk_label_set_text (GTK_LABEL (hint), text);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), hint);
  }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
}

void
rs_admin_documents_refresh (RsAdminDocuments *self)
{
  RsDatabase *db = rs_session_get_database (self->session);
  g_autofree char *template = rs_settings_get (db, RS_SETTING_PRINT_TEMPLATE, "a4");
  g_autofree char *font = rs_settings_get (db, RS_SETTING_PRINT_FONT, "");

  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (company_keys); i++)
    {
      g_autofree char *value = rs_settings_get (db, company_keys[i], "");
      gtk_editable_set_text (GTK_EDITABLE (self->company_rows[i]), value);
      rs_form_mark_field (self->company_rows[i], FALSE);
    }
  rs_form_set_message (self->company_error, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (template_nicks); i++)
    if (g_str_equal (template, template_nicks[i]))
      adw_combo_row_set_selected (self->template_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->font_row), font);
  rs_form_mark_field (self->font_row, FALSE);
  rs_form_set_message (self->font_error, NULL);
  show_logo (self);
  self->loading = FALSE;
}

static void
rs_admin_documents_constructed (GObject *object)
{
  RsAdminDocuments *self = RS_ADMIN_DOCUMENTS (object);

  G_OBJECT_CLASS (rs_admin_documents_parent_class)->constructed (object);
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Documents"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "document-print-symbolic");
  build (self);
  rs_admin_documents_refresh (self);
}

static void
rs_admin_documents_dispose (GObject *object)
{
  RsAdminDocuments *self = RS_ADMIN_DOCUMENTS (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (rs_admin_documents_parent_class)->dispose (object);
}

static void
rs_admin_documents_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RsAdminDocuments *self = RS_ADMIN_DOCUMENTS (object);

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
rs_admin_documents_class_init (RsAdminDocumentsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rs_admin_documents_constructed;
  object_class->dispose = rs_admin_documents_dispose;
  object_class->set_property = rs_admin_documents_set_property;
  g_object_class_install_property (object_class, PROP_SESSION,
    g_param_spec_object ("session", NULL, NULL, RS_TYPE_SESSION,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
}

static void
rs_admin_documents_init (RsAdminDocuments *self)
{
}

GtkWidget *
rs_admin_documents_new (RsSession *session)
{
  return g_object_new (RS_TYPE_ADMIN_DOCUMENTS, "session", session, NULL);
}
