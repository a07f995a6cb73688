/* rs-photo-strip.c */
#include "rs-photo-strip.h"
#include "rs-photo.h"
#include "rs-photo-viewer.h"
#include <glib/gstdio.h>

#define THUMB_SIZE 112

typedef struct
{
  RsPhotoStrip *self;            /* not a reference: items die with the strip */
  RsPhoto      *photo;
  GtkWidget    *child;           /* the flow box child */
  GtkWidget    *picture;
  GtkWidget    *spinner;
  GtkWidget    *remove_button;
  GCancellable *cancellable;
  gboolean      loading;
  gboolean      checked;         /* a pending file proven to be a picture */
} Item;

struct _RsPhotoStrip
{
  GtkWidget parent_instance;

  RsSession *session;
  RsAttachmentStore *store;
  char *title;
  gboolean editable;
  guint n_loading;
  char *paste_dir;               /* where pasted images are written, made on first paste */
  guint n_pasted;

  GPtrArray *items;              /* Item*, in the flow box's order */
  GtkWidget *box;
  GtkWidget *flow_box;
  GtkWidget *empty_label;
  GtkWidget *buttons;
  GtkWidget *add_button;
  GtkWidget *paste_button;
  GtkWidget *message_label;
  GtkDropTarget *drop_target;
};

G_DEFINE_FINAL_TYPE (RsPhotoStrip, rs_photo_strip, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EDITABLE,
  PROP_BUSY,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
item_free (gpointer data)
{
  Item *item = data;

  g_cancellable_cancel (item->cancellable);
  g_clear_object (&item->cancellable);
  g_clear_object (&item->photo);
  g_free (item);
}

static void
set_message (RsPhotoStrip *self, const char *message)
{
  gtk_label_set_text (GTK_LABEL (self->message_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->message_label, message != NULL && *message != '\0');
}

static void
update_state (RsPhotoStrip *self)
{
  gboolean any = self->items->len > 0;

  gtk_widget_set_visible (self->flow_box, any);
  gtk_widget_set_visible (self->empty_label, !any);
  gtk_label_set_text (GTK_LABEL (self->empty_label),
                      self->editable ? _("No photos yet. Add them, drop them here or paste one.")
                                     : _("No photos."));
  gtk_widget_set_visible (self->buttons, self->editable);
  gtk_drop_target_set_actions (self->drop_target, self->editable ? GDK_ACTION_COPY : 0);
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      gtk_widget_set_visible (item->remove_button, self->editable && !rs_photo_is_stored (item->photo));
    }
}

static void
set_busy (RsPhotoStrip *self, gboolean more)
{
  gboolean was_busy = self->n_loading > 0;

  if (more)
    self->n_loading++;
  else
    self->n_loading--;
  if (was_busy != (self->n_loading > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static guint
item_index (RsPhotoStrip *self, Item *item)
{
  guint index = 0;

  g_ptr_array_find (self->items, item, &index);
  return index;
}

static void
remove_item (RsPhotoStrip *self, Item *item)
{
  gtk_flow_box_remove (GTK_FLOW_BOX (self->flow_box), item->child);
  g_ptr_array_remove (self->items, item);
  update_state (self);
}

static void
thumbnail_loaded (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = rs_photo_load_finish (RS_PHOTO (source), result, &error);
  Item *item = data;
  RsPhotoStrip *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* the item is gone, and with it the strip's count */
  self = item->self;
  item->loading = FALSE;
  gtk_spinner_stop (GTK_SPINNER (item->spinner));
  gtk_widget_set_visible (item->spinner, FALSE);

  if (texture != NULL)
    {
      gtk_picture_set_paintable (GTK_PICTURE (item->picture), GDK_PAINTABLE (texture));
      gtk_widget_set_visible (item->picture, TRUE);
      if (!rs_photo_is_stored (item->photo))
        {
          item->checked = TRUE;
          g_signal_emit (self, signals[CHANGED], 0);
        }
    }
  else if (!rs_photo_is_stored (item->photo))
    {
      /* A file that is no picture never joins the pending files. */
      set_message (self, error->message);
      remove_item (self, item);
    }
  else
    {
      /* A damaged stored file says so in its place (item->picture is a GtkPicture: the icon
       * as its paintable) and under the strip. */
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (item->picture));
      g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (theme, "image-missing-symbolic", NULL, 48,
                                                                     gtk_widget_get_scale_factor (item->picture),
                                                                     gtk_widget_get_direction (item->picture), 0);
      gtk_picture_set_paintable (GTK_PICTURE (item->picture), GDK_PAINTABLE (icon));
      gtk_widget_set_visible (item->picture, TRUE);
      gtk_widget_set_tooltip_text (item->child, error->message);
      set_message (self, error->message);
    }
  set_busy (self, FALSE);
}

static void
open_clicked (GtkButton *button, Item *item)
{
  rs_photo_strip_show_photo (item->self, item_index (item->self, item));
}

static void
remove_clicked (GtkButton *button, Item *item)
{
  RsPhotoStrip *self = item->self;
  gboolean was_pending = item->checked;

  if (item->loading)
    set_busy (self, FALSE);
  remove_item (self, item);
  if (was_pending)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
add_item (RsPhotoStrip *self, RsPhoto *photo)
{
  Item *item = g_new0 (Item, 1);
  GtkWidget *overlay, *button, *frame;
  g_autofree char *open_name = NULL;
  g_autofree char *remove_name = NULL;

  item->self = self;
  item->photo = g_object_ref (photo);
  item->cancellable = g_cancellable_new ();
  item->loading = TRUE;

  /* TRANSLATORS: the accessible name of a thumbnail; %s is the file name */
  open_name = g_strdup_printf (_("Open photo %s"), rs_photo_get_name (photo));
  /* TRANSLATORS: %s is the file name */
  remove_name = g_strdup_printf (_("Remove photo %s"), rs_photo_get_name (photo));

  /* A GtkImage stands in until the texture comes (and for a damaged file); then a picture. */
  item->picture = gtk_picture_new ();
  gtk_widget_set_size_request (item->picture, THUMB_SIZE, THUMB_SIZE);
  gtk_picture_set_can_shrink (GTK_PICTURE (item->picture), TRUE);
  gtk_widget_set_visible (item->picture, FALSE);
  item->spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (item->spinner));
  gtk_widget_set_size_request (item->spinner, THUMB_SIZE, THUMB_SIZE);

  frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (frame), item->spinner);
  gtk_box_append (GTK_BOX (frame), item->picture);

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), frame);
  gtk_widget_add_css_class (button, "rs-photo-thumb");
  gtk_widget_set_overflow (button, GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, rs_photo_get_name (photo));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, open_name, -1);
  g_signal_connect (button, "clicked", G_CALLBACK (open_clicked), item);

  item->remove_button = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_add_css_class (item->remove_button, "circular");
  gtk_widget_add_css_class (item->remove_button, "osd");
  gtk_widget_set_halign (item->remove_button, GTK_ALIGN_END);
  gtk_widget_set_valign (item->remove_button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (item->remove_button, 4);
  gtk_widget_set_margin_end (item->remove_button, 4);
  gtk_widget_set_tooltip_text (item->remove_button, _("Remove Photo"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (item->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_name, -1);
  g_signal_connect (item->remove_button, "clicked", G_CALLBACK (remove_clicked), item);

  overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (overlay), button);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), item->remove_button);

  item->child = gtk_flow_box_child_new ();
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (item->child), overlay);
  /* The button inside takes the focus, not the child around it. */
  gtk_widget_set_focusable (item->child, FALSE);
  gtk_flow_box_append (GTK_FLOW_BOX (self->flow_box), item->child);
  g_ptr_array_add (self->items, item);

  set_busy (self, TRUE);
  update_state (self);
  rs_photo_load_async (photo, THUMB_SIZE, item->cancellable, thumbnail_loaded, item);
}

/* ---- adding ------------------------------------------------------------------------ */

void
rs_photo_strip_add_files (RsPhotoStrip *self, GFile **files, guint n_files)
{
  g_return_if_fail (RS_IS_PHOTO_STRIP (self));

  set_message (self, NULL);
  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      g_autoptr(RsPhoto) photo = NULL;

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (files[i]);
          g_autofree char *message = g_strdup_printf (_("“%s” is not a local file; save it to a folder first."), uri);
          set_message (self, message);
          continue;
        }
      photo = rs_photo_new_pending (path);
      add_item (self, photo);
    }
}

static void
chooser_response (GtkNativeDialog *dialog, int response, gpointer data)
{
  RsPhotoStrip *self = data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      guint n = g_list_model_get_n_items (files);
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      rs_photo_strip_add_files (self, (GFile **) array->pdata, array->len);
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
add_clicked (GtkButton *button, RsPhotoStrip *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) images = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Add Photos"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (images, _("Pictures"));
  gtk_file_filter_add_pixbuf_formats (images);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), images);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), images);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, RsPhotoStrip *self)
{
  GSList *list;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (!self->editable || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  list = g_value_get_boxed (value);
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  rs_photo_strip_add_files (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

static void
pasted_files (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(RsPhotoStrip) self = data;
  g_autoptr(GError) error = NULL;
  const GValue *value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (source), result, &error);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (value == NULL)
    {
      set_message (self, error->message);
      return;
    }
  for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  rs_photo_strip_add_files (self, (GFile **) files->pdata, files->len);
}

static void
pasted_texture (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(RsPhotoStrip) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, &error);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  if (texture == NULL)
    {
      set_message (self, error->message);
      return;
    }
  if (self->paste_dir == NULL)
    self->paste_dir = g_dir_make_tmp ("restock-paste-XXXXXX", &error);
  if (self->paste_dir == NULL)
    {
      set_message (self, error->message);
      return;
    }
  /* TRANSLATORS: the file name of a pasted image; %u counts them */
  name = g_strdup_printf (_("pasted-photo-%u.png"), ++self->n_pasted);
  path = g_build_filename (self->paste_dir, name, NULL);
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_autofree char *message = g_strdup_printf (_("Could not write the pasted picture to %s."), path);
      set_message (self, message);
      return;
    }
  file = g_file_new_for_path (path);
  rs_photo_strip_add_files (self, &file, 1);
}

void
rs_photo_strip_paste (RsPhotoStrip *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);

  if (!self->editable)
    return;
  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT, NULL, pasted_files,
                                    g_object_ref (self));
  else if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE))
    gdk_clipboard_read_texture_async (clipboard, NULL, pasted_texture, g_object_ref (self));
  else
    set_message (self, _("The clipboard holds no picture: copy an image or picture files first."));
}

static void
paste_clicked (GtkButton *button, RsPhotoStrip *self)
{
  rs_photo_strip_paste (self);
}

static gboolean
paste_shortcut (GtkWidget *widget, GVariant *args, gpointer data)
{
  rs_photo_strip_paste (RS_PHOTO_STRIP (widget));
  return TRUE;
}

/* ---- the rest of the API ------------------------------------------------------------- */

GtkWidget *
rs_photo_strip_new (void)
{
  return g_object_new (RS_TYPE_PHOTO_STRIP, NULL);
}

void
rs_photo_strip_set_session (RsPhotoStrip *self, RsSession *session)
{
  g_return_if_fail (RS_IS_PHOTO_STRIP (self));
  g_set_object (&self->session, session);
  g_clear_object (&self->store);
  if (session != NULL)
    self->store = rs_attachment_store_new (rs_session_get_database (session));
}

void
rs_photo_strip_clear (RsPhotoStrip *self)
{
  g_return_if_fail (RS_IS_PHOTO_STRIP (self));
  while (self->items->len > 0)
    {
      Item *item = g_ptr_array_index (self->items, self->items->len - 1);
      if (item->loading)
        set_busy (self, FALSE);
      remove_item (self, item);
    }
  set_message (self, NULL);
}

void
rs_photo_strip_add_stored (RsPhotoStrip *self, const char *sha256, const char *file_name)
{
  g_autoptr(RsPhoto) photo = NULL;

  g_return_if_fail (RS_IS_PHOTO_STRIP (self));
  g_return_if_fail (self->store != NULL);
  photo = rs_photo_new_stored (self->store, sha256, file_name);
  add_item (self, photo);
}

gboolean
rs_photo_strip_set_return (RsPhotoStrip *self, const char *number, GError **error)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  JsonArray *attachments;

  g_return_val_if_fail (RS_IS_PHOTO_STRIP (self), FALSE);
  rs_photo_strip_clear (self);
  if (number == NULL)
    return TRUE;
  g_return_val_if_fail (self->session != NULL, FALSE);
  node = rs_returns_describe (self->session, number, error);
  if (node == NULL)
    return FALSE;
  object = json_node_get_object (node);
  attachments = json_object_has_member (object, "attachments") ? json_object_get_array_member (object, "attachments")
                                                                 : NULL;
  for (guint i = 0; attachments != NULL && i < json_array_get_length (attachments); i++)
    {
      JsonObject *a = json_array_get_object_element (attachments, i);
      rs_photo_strip_add_stored (self, json_object_get_string_member (a, "sha256"),
                                 json_object_get_string_member (a, "file_name"));
    }
  return TRUE;
}

void
rs_photo_strip_set_editable (RsPhotoStrip *self, gboolean editable)
{
  g_return_if_fail (RS_IS_PHOTO_STRIP (self));
  editable = !!editable;
  if (self->editable == editable)
    return;
  self->editable = editable;
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

gboolean
rs_photo_strip_get_editable (RsPhotoStrip *self)
{
  g_return_val_if_fail (RS_IS_PHOTO_STRIP (self), FALSE);
  return self->editable;
}

void
rs_photo_strip_set_pending_files (RsPhotoStrip *self, const char * const *paths)
{
  g_return_if_fail (RS_IS_PHOTO_STRIP (self));
  for (guint i = self->items->len; i > 0; i--)
    {
      Item *item = g_ptr_array_index (self->items, i - 1);
      if (rs_photo_is_stored (item->photo))
        continue;
      if (item->loading)
        set_busy (self, FALSE);
      remove_item (self, item);
    }
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      rs_photo_strip_add_files (self, &file, 1);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

GStrv
rs_photo_strip_get_pending_files (RsPhotoStrip *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (RS_IS_PHOTO_STRIP (self), NULL);
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      if (item->checked)
        g_strv_builder_add (builder, rs_photo_get_path (item->photo));
    }
  return g_strv_builder_end (builder);
}

guint
rs_photo_strip_get_n_photos (RsPhotoStrip *self)
{
  g_return_val_if_fail (RS_IS_PHOTO_STRIP (self), 0);
  return self->items->len;
}

const char *
rs_photo_strip_get_message (RsPhotoStrip *self)
{
  g_return_val_if_fail (RS_IS_PHOTO_STRIP (self), NULL);
  return gtk_widget_get_visible (self->message_label) ? gtk_label_get_text (GTK_LABEL (self->message_label)) : "";
}

void
rs_photo_strip_show_photo (RsPhotoStrip *self, guint index)
{
  g_autoptr(GPtrArray) photos = g_ptr_array_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *viewer;

  g_return_if_fail (RS_IS_PHOTO_STRIP (self));
  g_return_if_fail (index < self->items->len);
  for (guint i = 0; i < self->items->len; i++)
    g_ptr_array_add (photos, ((Item *) g_ptr_array_index (self->items, i))->photo);
  viewer = rs_photo_viewer_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                (RsPhoto **) photos->pdata, photos->len, index);
  gtk_window_present (GTK_WINDOW (viewer));
}

void
rs_photo_strip_set_title (RsPhotoStrip *self, const char *title)
{
  g_return_if_fail (RS_IS_PHOTO_STRIP (self));
  g_free (self->title);
  self->title = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->flow_box), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

/* ---- GObject ------------------------------------------------------------------------- */

static void
rs_photo_strip_dispose (GObject *object)
{
  RsPhotoStrip *self = RS_PHOTO_STRIP (object);

  if (self->items != NULL)
    {
      /* Cancelled loads finish later without touching the strip. */
      g_ptr_array_set_size (self->items, 0);
      self->n_loading = 0;
    }
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->session);
  g_clear_object (&self->store);
  if (self->paste_dir != NULL)
    {
      /* Pasted images are copies written for this form; core has stored what was saved. */
      g_autoptr(GDir) dir = g_dir_open (self->paste_dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (self->paste_dir, name, NULL);
          g_remove (path);
        }
      g_rmdir (self->paste_dir);
      g_clear_pointer (&self->paste_dir, g_free);
    }
  G_OBJECT_CLASS (rs_photo_strip_parent_class)->dispose (object);
}

static void
rs_photo_strip_finalize (GObject *object)
{
  RsPhotoStrip *self = RS_PHOTO_STRIP (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_free (self->title);
  G_OBJECT_CLASS (rs_photo_strip_parent_class)->finalize (object);
}

static void
rs_photo_strip_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsPhotoStrip *self = RS_PHOTO_STRIP (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->n_loading > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_photo_strip_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_EDITABLE:
      rs_photo_strip_set_editable (RS_PHOTO_STRIP (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_photo_strip_class_init (RsPhotoStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_photo_strip_dispose;
  object_class->finalize = rs_photo_strip_finalize;
  object_class->get_property = rs_photo_strip_get_property;
  object_class->set_property = rs_photo_strip_set_property;

  properties[PROP_EDITABLE] = g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                                                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* TRUE while a picture is being read and decoded. */
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The pending files changed: one was added (and proven a picture) or removed. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, paste_shortcut, NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "rs-photo-strip");
}

static void
rs_photo_strip_init (RsPhotoStrip *self)
{
  GtkWidget *content;

  self->items = g_ptr_array_new_with_free_func (item_free);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->flow_box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->flow_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->flow_box), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->flow_box), 12);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->flow_box), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->flow_box), 6);
  gtk_widget_set_valign (self->flow_box, GTK_ALIGN_START);
  gtk_widget_set_halign (self->flow_box, GTK_ALIGN_START);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->flow_box), 1);
  gtk_box_append (GTK_BOX (self->box), self->flow_box);

  self->empty_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->empty_label), 0);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_box_append (GTK_BOX (self->box), self->empty_label);

  self->buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->add_button = gtk_button_new ();
  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add Photos…"));
  gtk_button_set_child (GTK_BUTTON (self->add_button), content);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add Photos…"), -1);
  g_signal_connect (self->add_button, "clicked", G_CALLBACK (add_clicked), self);
  gtk_box_append (GTK_BOX (self->buttons), self->add_button);

  self->paste_button = gtk_button_new_from_icon_name ("edit-paste-symbolic");
  gtk_widget_set_tooltip_text (self->paste_button, _("Paste Photo (Ctrl+V)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->paste_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Paste Photo"), -1);
  g_signal_connect (self->paste_button, "clicked", G_CALLBACK (paste_clicked), self);
  gtk_box_append (GTK_BOX (self->buttons), self->paste_button);
  gtk_box_append (GTK_BOX (self->box), self->buttons);

  self->message_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->message_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->message_label), 0);
  gtk_widget_add_css_class (self->message_label, "error");
  gtk_widget_set_visible (self->message_label, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->message_label);

  self->drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (self->drop_target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drop_target));

  rs_photo_strip_set_title (self, _("Photos"));
  update_state (self);
}
