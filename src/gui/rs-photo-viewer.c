/* rs-photo-viewer.c */
#include "rs-photo-viewer.h"
#include "rs-gui-util.h"

struct _RsPhotoViewer
{
  AdwWindow parent_instance;

  GPtrArray *photos;           /* RsPhoto */
  guint index;
  GCancellable *cancellable;

  GtkWidget *title;
  GtkWidget *previous_button;
  GtkWidget *next_button;
  GtkWidget *fit_button;
  GtkWidget *scrolled;
  GtkWidget *picture;
  GtkWidget *stack;
  GtkWidget *spinner;
  GtkWidget *status;
};

G_DEFINE_FINAL_TYPE (RsPhotoViewer, rs_photo_viewer, ADW_TYPE_WINDOW)

static void
apply_fit (RsPhotoViewer *self)
{
  gboolean fit = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->fit_button));

  /* Fit: the picture shrinks into the window. 100 %: its own size, scrolled. */
  gtk_picture_set_can_shrink (GTK_PICTURE (self->picture), fit);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled),
                                  fit ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC,
                                  fit ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC);
  gtk_widget_set_halign (self->picture, fit ? GTK_ALIGN_FILL : GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->picture, fit ? GTK_ALIGN_FILL : GTK_ALIGN_CENTER);
}

static void
loaded (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = rs_photo_load_finish (RS_PHOTO (source), result, &error);
  RsPhotoViewer *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = RS_PHOTO_VIEWER (data);
  if (texture == NULL)
    {
      adw_status_page_set_description (ADW_STATUS_PAGE (self->status), error->message);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "error");
      return;
    }
  gtk_picture_set_paintable (GTK_PICTURE (self->picture), GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "picture");
}

static void
show_current (RsPhotoViewer *self)
{
  RsPhoto *photo = g_ptr_array_index (self->photos, self->index);
  g_autofree char *subtitle = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* TRANSLATORS: which photo of how many, "2 / 5" */
  subtitle = g_strdup_printf (_("%u / %u"), self->index + 1, self->photos->len);
  adw_window_title_set_title (ADW_WINDOW_TITLE (self->title), rs_photo_get_name (photo));
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->title), subtitle);
  gtk_window_set_title (GTK_WINDOW (self), rs_photo_get_name (photo));
  gtk_widget_set_sensitive (self->previous_button, self->index > 0);
  gtk_widget_set_sensitive (self->next_button, self->index + 1 < self->photos->len);

  gtk_picture_set_paintable (GTK_PICTURE (self->picture), NULL);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "loading");
  /* The window is the callback's data: cancelled on dispose, so it never outlives it. */
  rs_photo_load_async (photo, 0, self->cancellable, loaded, self);
}

guint
rs_photo_viewer_get_index (RsPhotoViewer *self)
{
  return self->index;
}

void
rs_photo_viewer_set_index (RsPhotoViewer *self, guint index)
{
  g_return_if_fail (RS_IS_PHOTO_VIEWER (self));
  if (index >= self->photos->len)
    return;
  self->index = index;
  show_current (self);
}

static void
previous_clicked (RsPhotoViewer *self)
{
  if (self->index > 0)
    rs_photo_viewer_set_index (self, self->index - 1);
}

static void
next_clicked (RsPhotoViewer *self)
{
  rs_photo_viewer_set_index (self, self->index + 1);
}

static gboolean
key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state,
             RsPhotoViewer *self)
{
  switch (keyval)
    {
    case GDK_KEY_Escape:
      gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Page_Up:
      previous_clicked (self);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_Page_Down:
      next_clicked (self);
      return TRUE;
    default:
      return FALSE;
    }
}

GtkWidget *
rs_photo_viewer_new (GtkWindow *parent, RsPhoto **photos, guint n_photos, guint index)
{
  RsPhotoViewer *self = g_object_new (RS_TYPE_PHOTO_VIEWER, NULL);

  g_return_val_if_fail (n_photos > 0 && index < n_photos, NULL);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_modal (GTK_WINDOW (self), gtk_window_get_modal (parent));
    }
  for (guint i = 0; i < n_photos; i++)
    g_ptr_array_add (self->photos, g_object_ref (photos[i]));
  self->index = index;
  show_current (self);
  return GTK_WIDGET (self);
}

static void
rs_photo_viewer_dispose (GObject *object)
{
  RsPhotoViewer *self = RS_PHOTO_VIEWER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (rs_photo_viewer_parent_class)->dispose (object);
}

static void
rs_photo_viewer_finalize (GObject *object)
{
  RsPhotoViewer *self = RS_PHOTO_VIEWER (object);

  g_ptr_array_unref (self->photos);
  G_OBJECT_CLASS (rs_photo_viewer_parent_class)->finalize (object);
}

static void
rs_photo_viewer_class_init (RsPhotoViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rs_photo_viewer_dispose;
  object_class->finalize = rs_photo_viewer_finalize;
}

static GtkWidget *
icon_button (const char *icon, const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return button;
}

static void
rs_photo_viewer_init (RsPhotoViewer *self)
{
  GtkWidget *box, *header, *loading;
  GtkEventController *keys;

  self->photos = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 680);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  self->title = adw_window_title_new ("", "");
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), self->title);

  self->previous_button = icon_button ("go-previous-symbolic", _("Previous Photo"));
  g_signal_connect_swapped (self->previous_button, "clicked", G_CALLBACK (previous_clicked), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->previous_button);
  self->next_button = icon_button ("go-next-symbolic", _("Next Photo"));
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (next_clicked), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->next_button);

  self->fit_button = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (self->fit_button), "zoom-fit-best-symbolic");
  gtk_widget_set_tooltip_text (self->fit_button, _("Fit to Window (off: 100 %)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->fit_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Fit to Window"), -1);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->fit_button), TRUE);
  g_signal_connect_swapped (self->fit_button, "toggled", G_CALLBACK (apply_fit), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->fit_button);
  gtk_box_append (GTK_BOX (box), header);

  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  loading = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (loading));
  gtk_widget_set_size_request (loading, 48, 48);
  gtk_widget_set_halign (loading, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (loading, GTK_ALIGN_CENTER);
  gtk_stack_add_named (GTK_STACK (self->stack), loading, "loading");

  self->picture = gtk_picture_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Photo"), -1);
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), self->picture);
  gtk_stack_add_named (GTK_STACK (self->stack), self->scrolled, "picture");

  self->status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->status), "image-missing-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->status), _("This Photo Cannot Be Shown"));
  gtk_stack_add_named (GTK_STACK (self->stack), self->status, "error");
  gtk_box_append (GTK_BOX (box), self->stack);
  rs_gui_stack_hide_other_pages (GTK_STACK (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_widget_add_css_class (GTK_WIDGET (self), "rs-photo-viewer");

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  apply_fit (self);
}
