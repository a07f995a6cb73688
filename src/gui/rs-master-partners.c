/* rs-master-partners.c — customers and suppliers in 资料: one set of fields, two kinds. */
#include "rs-master-kind.h"
#include "rs-column.h"

enum { CODE, NAME, CONTACT, PHONE, EMAIL, ADDRESS, REMARK, N_FIELDS };

/* The nouns are core's (rs-partners.c), so that its messages find their field. */
static const RsMasterField customer_fields[N_FIELDS] = {
  [CODE] = { N_("Code (empty: the next free one)"), N_("customer code"), RS_FIELD_CODE, FALSE, 32, TRUE },
  [NAME] = { N_("Name"), N_("customer name"), RS_FIELD_TEXT, TRUE, 200 },
  [CONTACT] = { N_("Contact Person"), N_("contact person"), RS_FIELD_TEXT, FALSE, 100 },
  [PHONE] = { N_("Phone"), N_("phone number"), RS_FIELD_TEXT, FALSE, 50 },
  [EMAIL] = { N_("E-mail"), N_("e-mail address"), RS_FIELD_TEXT, FALSE, 100 },
  [ADDRESS] = { N_("Address"), N_("address"), RS_FIELD_MULTILINE, FALSE, 1000 },
  [REMARK] = { N_("Remark"), N_("remark"), RS_FIELD_MULTILINE, FALSE, 1000 },
};

static const RsMasterField supplier_fields[N_FIELDS] = {
  [CODE] = { N_("Code (empty: the next free one)"), N_("supplier code"), RS_FIELD_CODE, FALSE, 32, TRUE },
  [NAME] = { N_("Name"), N_("supplier name"), RS_FIELD_TEXT, TRUE, 200 },
  [CONTACT] = { N_("Contact Person"), N_("contact person"), RS_FIELD_TEXT, FALSE, 100 },
  [PHONE] = { N_("Phone"), N_("phone number"), RS_FIELD_TEXT, FALSE, 50 },
  [EMAIL] = { N_("E-mail"), N_("e-mail address"), RS_FIELD_TEXT, FALSE, 100 },
  [ADDRESS] = { N_("Address"), N_("address"), RS_FIELD_MULTILINE, FALSE, 1000 },
  [REMARK] = { N_("Remark"), N_("remark"), RS_FIELD_MULTILINE, FALSE, 1000 },
};

static gboolean
get_active (gpointer item)
{
  return rs_partner_get_active (item);
}

/* Searched in SQL and read a page at a time: a company may have 100,000 customers. */
static GListModel *
list_customers (RsSession *session, const char *search, gboolean include_inactive, GError **error)
{
  return rs_partners_list_paged (session, RS_PARTNER_CUSTOMER, search, include_inactive, error);
}

static GListModel *
list_suppliers (RsSession *session, const char *search, gboolean include_inactive, GError **error)
{
  return rs_partners_list_paged (session, RS_PARTNER_SUPPLIER, search, include_inactive, error);
}

static char *cell_code (gpointer item) { return g_strdup (rs_partner_get_code (item)); }
static char *cell_name (gpointer item) { return g_strdup (rs_partner_get_name (item)); }
static char *cell_contact (gpointer item) { return g_strdup (rs_partner_get_contact (item)); }
static char *cell_phone (gpointer item) { return g_strdup (rs_partner_get_phone (item)); }
static char *cell_address (gpointer item) { return g_strdup (rs_partner_get_address (item)); }

static void
add_columns (RsTableView *view)
{
  rs_table_view_add_column (view, _("Code"), cell_code, RS_COLUMN_WHOLE, NULL, -1);
  rs_table_view_add_column (view, _("Name"), cell_name, RS_COLUMN_EXPAND, NULL, -1);
  rs_table_view_add_column (view, _("Contact Person"), cell_contact, RS_COLUMN_TEXT, NULL, -1);
  rs_table_view_add_column (view, _("Phone"), cell_phone, RS_COLUMN_TEXT, NULL, -1);
  rs_table_view_add_column (view, _("Address"), cell_address, RS_COLUMN_DIM | RS_COLUMN_EXPAND, NULL, -1);
}

static char *
describe (gpointer item)
{
  if (rs_partner_get_kind (item) == RS_PARTNER_CUSTOMER)
    /* TRANSLATORS: the customer editor's title; %s is the code, %s the name */
    return g_strdup_printf (_("Customer %s %s"), rs_partner_get_code (item), rs_partner_get_name (item));
  /* TRANSLATORS: the supplier editor's title; %s is the code, %s the name */
  return g_strdup_printf (_("Supplier %s %s"), rs_partner_get_code (item), rs_partner_get_name (item));
}

static char **
load (gpointer item)
{
  char **values = g_new0 (char *, N_FIELDS + 1);

  values[CODE] = g_strdup (rs_partner_get_code (item));
  values[NAME] = g_strdup (rs_partner_get_name (item));
  values[CONTACT] = g_strdup (rs_partner_get_contact (item));
  values[PHONE] = g_strdup (rs_partner_get_phone (item));
  values[EMAIL] = g_strdup (rs_partner_get_email (item));
  values[ADDRESS] = g_strdup (rs_partner_get_address (item));
  values[REMARK] = g_strdup (rs_partner_get_remark (item));
  return values;
}

static GObject *
save_kind (RsSession *session, RsPartnerKind kind, gpointer item, const char *const *values, GError **error)
{
  RsPartnerFields f = {
    .code = values[CODE], .name = values[NAME], .contact = values[CONTACT], .phone = values[PHONE],
    .email = values[EMAIL], .address = values[ADDRESS], .remark = values[REMARK],
  };

  if (item == NULL)
    return G_OBJECT (rs_partners_add (session, kind, &f, error));
  return G_OBJECT (rs_partners_update (session, kind, &f, error));
}

static GObject *
save_customer (RsSession *session, gpointer item, const char *const *values, GError **error)
{
  return save_kind (session, RS_PARTNER_CUSTOMER, item, values, error);
}

static GObject *
save_supplier (RsSession *session, gpointer item, const char *const *values, GError **error)
{
  return save_kind (session, RS_PARTNER_SUPPLIER, item, values, error);
}

static GObject *
set_active (RsSession *session, gpointer item, gboolean active, GError **error)
{
  RsPartnerKind kind = rs_partner_get_kind (item);

  if (!rs_partners_set_active (session, kind, rs_partner_get_code (item), active, error))
    return NULL;
  return G_OBJECT (rs_partners_lookup_by_id (rs_session_get_database (session), kind, rs_partner_get_id (item), error));
}

static gboolean
remove_item (RsSession *session, gpointer item, GError **error)
{
  return rs_partners_remove (session, rs_partner_get_kind (item), rs_partner_get_code (item), error);
}

const RsMasterKind rs_master_customers = {
  .id = "customers",
  .title = N_("Customers"),
  .icon_name = "system-users-symbolic",
  .new_label = N_("_New Customer"),
  .search_label = N_("Search customers"),
  .new_title = N_("New Customer"),
  .edit_action = RS_ACTION_CUSTOMER_EDIT,
  .fields = customer_fields,
  .n_fields = N_FIELDS,
  .list = list_customers,
  .add_columns = add_columns,
  .describe = describe,
  .get_active = get_active,
  .load = load,
  .save = save_customer,
  .set_active = set_active,
  .remove = remove_item,
};

const RsMasterKind rs_master_suppliers = {
  .id = "suppliers",
  .title = N_("Suppliers"),
  .icon_name = "mail-send-receive-symbolic",
  .new_label = N_("_New Supplier"),
  .search_label = N_("Search suppliers"),
  .new_title = N_("New Supplier"),
  .edit_action = RS_ACTION_MASTER_EDIT,
  .fields = supplier_fields,
  .n_fields = N_FIELDS,
  .list = list_suppliers,
  .add_columns = add_columns,
  .describe = describe,
  .get_active = get_active,
  .load = load,
  .save = save_supplier,
  .set_active = set_active,
  .remove = remove_item,
};
