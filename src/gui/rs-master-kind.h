/* rs-master-kind.h — one kind of master data (products, customers …) as the 资料 section
 * shows and edits it. The list (rs-master-list.c) and the editor (rs-master-editor.c) are
 * the same for every kind; a kind only says which fields it has and which core calls
 * read, save and retire it (rs-master-products.c, rs-master-partners.c …). */
#pragma once

#include <adwaita.h>
#include "rs-core.h"
#include "rs-table-view.h"

G_BEGIN_DECLS

typedef enum {
  RS_FIELD_TEXT,
  RS_FIELD_CODE,        /* no spaces nor : @ > , (core's RS_TEXT_CODE) */
  RS_FIELD_MULTILINE,
  RS_FIELD_MONEY,       /* yuan with at most two decimals */
  RS_FIELD_CHOICE,      /* one of `choices`; the value is the index as text ("0", "1" …) */
} RsFieldType;

typedef struct
{
  const char        *title;       /* N_(): the entry row's title and accessible name */
  const char        *what;        /* N_(): the field as core's messages name it ("product name") */
  RsFieldType        type;
  gboolean           required;
  guint              max_chars;
  gboolean           fixed;       /* set once: a code, a SKU */
  const char *const *choices;     /* RS_FIELD_CHOICE: N_() names, NULL-terminated */
} RsMasterField;

typedef struct _RsMasterKind RsMasterKind;

struct _RsMasterKind
{
  const char          *id;              /* the page's name: "products" */
  const char          *title;           /* N_("Products") */
  const char          *icon_name;
  const char          *new_label;       /* N_("_New Product") */
  const char          *search_label;    /* N_("Search products"): accessible name of the search */
  const char          *new_title;       /* N_("New Product"): the editor's title */
  RsAction             edit_action;
  const RsMasterField *fields;
  guint                n_fields;
  /* Every item (inactive too when asked), narrowed by search when it is not empty. */
  GListModel *(*list)        (RsSession *session, const char *search, gboolean include_inactive, GError **error);
  /* The list's columns (without a sample: as wide as the first rows). */
  void        (*add_columns) (RsTableView *view);
  /* The editor's title for an item ("Product P-1001"), newly allocated. */
  char       *(*describe)    (gpointer item);
  gboolean    (*get_active)  (gpointer item);
  /* The item's field values, n_fields strings (NULL-terminated). */
  char      **(*load)        (gpointer item);
  /* Adds (item NULL) or changes the item; returns the item as saved, or NULL with error. */
  GObject    *(*save)        (RsSession *session, gpointer item, const char *const *values, GError **error);
  /* (De)activates the item; returns it as it is now, or NULL with error. */
  GObject    *(*set_active)  (RsSession *session, gpointer item, gboolean active, GError **error);
  /* Optional: deletes an item nothing refers to; core refuses the others. */
  gboolean    (*remove)      (RsSession *session, gpointer item, GError **error);
  /* Optional: what the editor shows below the fields of an item (its locations, its
   * inspection checklist); the widget owns whatever it saves. */
  GtkWidget  *(*extra)       (RsSession *session, gpointer item);
};

extern const RsMasterKind rs_master_products;
extern const RsMasterKind rs_master_categories;
extern const RsMasterKind rs_master_customers;
extern const RsMasterKind rs_master_suppliers;
extern const RsMasterKind rs_master_warehouses;
extern const RsMasterKind rs_master_reasons;

/* A model's items whose text (from `text`, lower-cased match) contains search:
 * for the short lists core does not search (categories, warehouses, reasons). */
GListModel *rs_master_filter (GListModel *items,
                              char      *(*text) (gpointer item),
                              const char  *search,
                              gboolean     include_inactive,
                              gboolean   (*get_active) (gpointer item));

/* A hidden message label in the form's error style (rs_form_set_message shows it). */
GtkLabel *rs_master_message_new (void);
/* "Needs the role …": why a control is insensitive for the session. */
char     *rs_master_needs_role  (RsAction action);

/* Checks one value as core will (its limits and characters, money); NULL when right,
 * else the message to show next to the field. */
char *rs_master_field_check (const RsMasterField *field,
                             const char          *value);

G_END_DECLS
