/* rs-slip.c */
#include "rs-slip-private.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-number.h"

static const struct {
  const char *key;
  const char *name;
  const char *prefix;
} kinds[] = {
  [RS_SLIP_IN] = { "in", N_("In slip"), RS_NUMBER_PREFIX_IN },
  [RS_SLIP_OUT] = { "out", N_("Out slip"), RS_NUMBER_PREFIX_OUT },
  [RS_SLIP_TRANSFER] = { "transfer", N_("Transfer slip"), RS_NUMBER_PREFIX_TRANSFER },
};

static const struct {
  const char *key;
  const char *name;
} states[] = {
  [RS_SLIP_DRAFT] = { "draft", N_("Draft") },
  [RS_SLIP_POSTED] = { "posted", N_("Posted") },
  [RS_SLIP_VOIDED] = { "voided", N_("Voided") },
};

/* Which purposes a kind allows is data (table slip_purpose); these are their names. */
static const struct {
  const char *key;
  const char *name;
} purposes[] = {
  { "purchase", N_("Purchase") },
  { "return-in", N_("Customer return") },
  { "repair-back", N_("Back from repair") },
  { "surplus", N_("Stock-count surplus") },
  { "sale", N_("Sale") },
  { "return-to-vendor", N_("Return to vendor") },
  { "scrap", N_("Scrap") },
  { "replacement", N_("Replacement") },
  { "send-back", N_("Sent back to customer") },
  { "loss", N_("Loss") },
  { "transfer", N_("Transfer") },
  { "restock", N_("Restock after inspection") },
  { "repair", N_("To repair") },
  { "other", N_("Other") },
};

const char *
rs_slip_kind_get_key (RsSlipKind kind)
{
  g_return_val_if_fail (kind <= RS_SLIP_TRANSFER, NULL);
  return kinds[kind].key;
}

const char *
rs_slip_kind_get_display_name (RsSlipKind kind)
{
  g_return_val_if_fail (kind <= RS_SLIP_TRANSFER, NULL);
  return _(kinds[kind].name);
}

const char *
rs_slip_kind_get_prefix (RsSlipKind kind)
{
  g_return_val_if_fail (kind <= RS_SLIP_TRANSFER, NULL);
  return kinds[kind].prefix;
}

gboolean
rs_slip_kind_parse (const char *key, RsSlipKind *kind, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (key != NULL && g_str_equal (key, kinds[i].key))
      {
        *kind = i;
        return TRUE;
      }
  g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
               _("“%s” is not a kind of slip: use in, out or transfer."), key != NULL ? key : "");
  return FALSE;
}

const char *
rs_slip_state_get_key (RsSlipState state)
{
  g_return_val_if_fail (state <= RS_SLIP_VOIDED, NULL);
  return states[state].key;
}

const char *
rs_slip_state_get_display_name (RsSlipState state)
{
  g_return_val_if_fail (state <= RS_SLIP_VOIDED, NULL);
  return _(states[state].name);
}

gboolean
rs_slip_state_parse (const char *key, RsSlipState *state, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (key != NULL && g_str_equal (key, states[i].key))
      {
        *state = i;
        return TRUE;
      }
  g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
               _("“%s” is not a state of a slip: use draft, posted or voided."), key != NULL ? key : "");
  return FALSE;
}

const char *
rs_slip_purpose_get_display_name (const char *purpose)
{
  for (guint i = 0; i < G_N_ELEMENTS (purposes); i++)
    if (g_str_equal (purpose, purposes[i].key))
      return _(purposes[i].name);
  return purpose;
}

char *
rs_slip_format_time (gint64 when_us)
{
  g_autoptr(GDateTime) when = NULL;

  if (when_us == 0)
    return NULL;
  when = g_date_time_new_from_unix_local (when_us / G_USEC_PER_SEC);
  return g_date_time_format_iso8601 (when);
}

G_DEFINE_FINAL_TYPE (RsSlip, rs_slip, G_TYPE_OBJECT)

enum { PROP_0, PROP_NUMBER, PROP_KIND, PROP_PURPOSE, PROP_STATE, PROP_WAREHOUSE_CODE, PROP_DATE,
       PROP_REMARK, PROP_N_LINES, PROP_TOTAL, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
rs_slip_dispose (GObject *object)
{
  RsSlip *self = RS_SLIP (object);

  g_clear_object (&self->lines);
  g_clear_object (&self->attachments);
  G_OBJECT_CLASS (rs_slip_parent_class)->dispose (object);
}

static void
rs_slip_finalize (GObject *object)
{
  RsSlip *self = RS_SLIP (object);

  g_free (self->number);
  g_free (self->base_number);
  g_free (self->purpose);
  g_free (self->warehouse_code);
  g_free (self->to_warehouse_code);
  g_free (self->date);
  g_free (self->partner_code);
  g_free (self->partner_name);
  g_free (self->remark);
  g_free (self->amends);
  g_free (self->amended_by);
  g_free (self->created_by);
  g_free (self->posted_by);
  g_free (self->voided_by);
  g_free (self->void_reason);
  G_OBJECT_CLASS (rs_slip_parent_class)->finalize (object);
}

static void
rs_slip_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsSlip *self = RS_SLIP (object);

  switch (prop_id)
    {
    case PROP_NUMBER: g_value_set_string (value, self->number); break;
    case PROP_KIND: g_value_set_string (value, rs_slip_kind_get_key (self->kind)); break;
    case PROP_PURPOSE: g_value_set_string (value, self->purpose); break;
    case PROP_STATE: g_value_set_string (value, rs_slip_state_get_key (self->state)); break;
    case PROP_WAREHOUSE_CODE: g_value_set_string (value, self->warehouse_code); break;
    case PROP_DATE: g_value_set_string (value, self->date); break;
    case PROP_REMARK: g_value_set_string (value, self->remark); break;
    case PROP_N_LINES: g_value_set_uint (value, self->n_lines); break;
    case PROP_TOTAL: g_value_set_int64 (value, self->total); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_slip_class_init (RsSlipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = rs_slip_dispose;
  object_class->finalize = rs_slip_finalize;
  object_class->get_property = rs_slip_get_property;

  /* For list columns (GtkExpression); kind and state as their keys. */
  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_PURPOSE] = g_param_spec_string ("purpose", NULL, NULL, NULL, flags);
  properties[PROP_STATE] = g_param_spec_string ("state", NULL, NULL, NULL, flags);
  properties[PROP_WAREHOUSE_CODE] = g_param_spec_string ("warehouse-code", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_REMARK] = g_param_spec_string ("remark", NULL, NULL, NULL, flags);
  properties[PROP_N_LINES] = g_param_spec_uint ("n-lines", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TOTAL] = g_param_spec_int64 ("total", NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_slip_init (RsSlip *self)
{
  self->lines = g_list_store_new (RS_TYPE_SLIP_LINE);
  self->attachments = g_list_store_new (RS_TYPE_SLIP_ATTACHMENT);
}

gint64 rs_slip_get_id (RsSlip *self) { return self->id; }
const char *rs_slip_get_number (RsSlip *self) { return self->number; }
RsSlipKind rs_slip_get_kind (RsSlip *self) { return self->kind; }
const char *rs_slip_get_purpose (RsSlip *self) { return self->purpose; }
RsSlipState rs_slip_get_state (RsSlip *self) { return self->state; }
gint64 rs_slip_get_warehouse_id (RsSlip *self) { return self->warehouse_id; }
const char *rs_slip_get_warehouse_code (RsSlip *self) { return self->warehouse_code; }
gint64 rs_slip_get_to_warehouse_id (RsSlip *self) { return self->to_warehouse_id; }
const char *rs_slip_get_to_warehouse_code (RsSlip *self) { return self->to_warehouse_code; }
const char *rs_slip_get_date (RsSlip *self) { return self->date; }
const char *rs_slip_get_remark (RsSlip *self) { return self->remark; }
const char *rs_slip_get_amends (RsSlip *self) { return self->amends; }
const char *rs_slip_get_amended_by (RsSlip *self) { return self->amended_by; }
const char *rs_slip_get_created_by (RsSlip *self) { return self->created_by; }
gint64 rs_slip_get_created_at (RsSlip *self) { return self->created_at; }
const char *rs_slip_get_posted_by (RsSlip *self) { return self->posted_by; }
gint64 rs_slip_get_posted_at (RsSlip *self) { return self->posted_at; }
const char *rs_slip_get_voided_by (RsSlip *self) { return self->voided_by; }
gint64 rs_slip_get_voided_at (RsSlip *self) { return self->voided_at; }
const char *rs_slip_get_void_reason (RsSlip *self) { return self->void_reason; }
guint rs_slip_get_n_lines (RsSlip *self) { return self->n_lines; }
gint64 rs_slip_get_total (RsSlip *self) { return self->total; }
GListModel *rs_slip_get_lines (RsSlip *self) { return G_LIST_MODEL (self->lines); }
GListModel *rs_slip_get_attachments (RsSlip *self) { return G_LIST_MODEL (self->attachments); }

gboolean
rs_slip_get_partner (RsSlip *self, RsPartnerKind *kind, const char **code, const char **name)
{
  if (kind != NULL)
    *kind = self->partner_kind;
  if (code != NULL)
    *code = self->partner_code;
  if (name != NULL)
    *name = self->partner_name;
  return self->has_partner;
}

static void
add_string_or_null (JsonBuilder *builder, const char *member, const char *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_time_or_null (JsonBuilder *builder, const char *member, gint64 when_us)
{
  g_autofree char *text = rs_slip_format_time (when_us);
  add_string_or_null (builder, member, text);
}

/* Lines and attachments alike. */
static void
add_list (JsonBuilder *builder, const char *member, GListModel *model)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      json_builder_add_value (builder, RS_IS_SLIP_LINE (item)
                                       ? rs_slip_line_to_json (RS_SLIP_LINE (item))
                                       : rs_slip_attachment_to_json (RS_SLIP_ATTACHMENT (item)));
    }
  json_builder_end_array (builder);
}

JsonNode *
rs_slip_to_json (RsSlip *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string_or_null (builder, "number", self->number);
  add_string_or_null (builder, "kind", rs_slip_kind_get_key (self->kind));
  add_string_or_null (builder, "purpose", self->purpose);
  add_string_or_null (builder, "state", rs_slip_state_get_key (self->state));
  add_string_or_null (builder, "warehouse", self->warehouse_code);
  if (self->kind == RS_SLIP_TRANSFER)
    add_string_or_null (builder, "to_warehouse", self->to_warehouse_code);
  add_string_or_null (builder, "date", self->date);
  json_builder_set_member_name (builder, "partner");
  if (self->has_partner)
    {
      json_builder_begin_object (builder);
      add_string_or_null (builder, "kind", self->partner_kind == RS_PARTNER_CUSTOMER ? "customer" : "supplier");
      add_string_or_null (builder, "code", self->partner_code);
      add_string_or_null (builder, "name", self->partner_name);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  add_string_or_null (builder, "remark", self->remark);
  add_string_or_null (builder, "amends", self->amends);
  add_string_or_null (builder, "amended_by", self->amended_by);
  add_string_or_null (builder, "created_by", self->created_by);
  add_time_or_null (builder, "created_at", self->created_at);
  add_string_or_null (builder, "posted_by", self->posted_by);
  add_time_or_null (builder, "posted_at", self->posted_at);
  add_string_or_null (builder, "voided_by", self->voided_by);
  add_time_or_null (builder, "voided_at", self->voided_at);
  add_string_or_null (builder, "void_reason", self->void_reason);
  json_builder_set_member_name (builder, "line_count");
  json_builder_add_int_value (builder, self->n_lines);
  add_list (builder, "lines", G_LIST_MODEL (self->lines));
  add_list (builder, "attachments", G_LIST_MODEL (self->attachments));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
