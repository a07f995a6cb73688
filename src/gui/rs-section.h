/* rs-section.h — a page of the main window's sidebar (工作台, 退货, 检验 …).
 *
 * A section is a widget constructed with a "session" property (RsSession, construct-only)
 * that implements RsSection. The main page creates the sections the user's roles allow,
 * lists them in the sidebar and asks them to refresh whenever they are shown again. */
#pragma once

#include <adwaita.h>
#include "rs-core.h"

G_BEGIN_DECLS

#define RS_TYPE_SECTION (rs_section_get_type ())
G_DECLARE_INTERFACE (RsSection, rs_section, RS, SECTION, GtkWidget)

struct _RsSectionInterface
{
  GTypeInterface parent_iface;

  /* Shows the document reference names (a return or slip number, a SKU …);
   * FALSE with error when there is none. Optional. */
  gboolean   (*open)              (RsSection   *self,
                                   const char  *reference,
                                   GError     **error);
  /* Reloads what may have changed while another section was shown. Optional. */
  void       (*refresh)           (RsSection   *self);
  /* Buttons for the end of the content header bar ("New Return" …), or NULL. Optional;
   * asked once, the main page owns the widget afterwards. */
  GtkWidget *(*get_header_widget) (RsSection   *self);
};

gboolean   rs_section_open              (RsSection   *self,
                                         const char  *reference,
                                         GError     **error);
void       rs_section_refresh           (RsSection   *self);
GtkWidget *rs_section_get_header_widget (RsSection   *self);

/* The sidebar's table: one entry a section, in sidebar order. */
typedef struct
{
  const char *id;           /* "returns": the name in main.open's "returns:RMA-…" */
  const char *title;        /* N_() */
  const char *icon_name;
  RsAction    action;       /* the user may open the section if this action is allowed */
  GType     (*get_type) (void);
} RsSectionInfo;

const RsSectionInfo *rs_sections_get      (guint      *n_sections);
const RsSectionInfo *rs_sections_find     (const char *id);

G_END_DECLS
