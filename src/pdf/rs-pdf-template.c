/* rs-pdf-template.c */
#include "rs-pdf-template.h"
#include "rs-error.h"
#include "rs-i18n.h"

static const RsPdfPage templates[] = {
  [RS_PDF_TEMPLATE_A4] = {
    .id = RS_PDF_TEMPLATE_A4, .nick = "a4",
    .width = RS_PDF_MM (210), .height = RS_PDF_MM (297),
    .margin_left = RS_PDF_MM (15), .margin_right = RS_PDF_MM (15),
    .margin_top = RS_PDF_MM (12), .margin_bottom = RS_PDF_MM (12),
    .body_size = 10, .title_size = 18, .qr_size = RS_PDF_MM (18),
    .photo_columns = 2, .copy_labels = FALSE,
  },
  [RS_PDF_TEMPLATE_A5] = {
    .id = RS_PDF_TEMPLATE_A5, .nick = "a5",
    .width = RS_PDF_MM (210), .height = RS_PDF_MM (148),
    .margin_left = RS_PDF_MM (12), .margin_right = RS_PDF_MM (12),
    .margin_top = RS_PDF_MM (9), .margin_bottom = RS_PDF_MM (8),
    .body_size = 9, .title_size = 15, .qr_size = RS_PDF_MM (15),
    .photo_columns = 3, .copy_labels = FALSE,
  },
  /* Tractor-feed paper: half an inch of pin holes on either side stays blank; the copy
   * labels sit just inside the right-hand holes. */
  [RS_PDF_TEMPLATE_FORM241] = {
    .id = RS_PDF_TEMPLATE_FORM241, .nick = "form241",
    .width = RS_PDF_MM (241), .height = RS_PDF_MM (140),
    .margin_left = RS_PDF_MM (16), .margin_right = RS_PDF_MM (24),
    .margin_top = RS_PDF_MM (8), .margin_bottom = RS_PDF_MM (7),
    .body_size = 10, .title_size = 16, .qr_size = RS_PDF_MM (15),
    .photo_columns = 3, .copy_labels = TRUE,
  },
};

const RsPdfPage *
rs_pdf_template_get (RsPdfTemplate id)
{
  g_return_val_if_fail (id < G_N_ELEMENTS (templates), &templates[RS_PDF_TEMPLATE_A4]);
  return &templates[id];
}

gboolean
rs_pdf_template_from_nick (const char *nick, RsPdfTemplate *id, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    if (g_strcmp0 (nick, templates[i].nick) == 0)
      {
        *id = templates[i].id;
        return TRUE;
      }
  g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
               _("Unknown paper “%s”: choose a4, a5 or form241."), nick != NULL ? nick : "");
  return FALSE;
}

char **
rs_pdf_template_copy_labels (void)
{
  /* TRANSLATORS: the plies of multi-part carbonless paper, printed along its edge. */
  const char *labels[] = { _("Stub copy"), _("Customer copy"), _("Warehouse copy"), NULL };

  return g_strdupv ((char **) labels);
}
