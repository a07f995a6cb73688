/* rs-return.c — the RsReturn snapshot, its states, and its JSON. */
#include "rs-return-private.h"
#include "rs-clock.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-master-private.h"
#include "rs-money.h"

static const struct {
  const char *key;
  const char *name;
} states[] = {
  [RS_RETURN_DRAFT] = { "draft", N_("Draft") },
  [RS_RETURN_SUBMITTED] = { "submitted", N_("Submitted") },
  [RS_RETURN_APPROVED] = { "approved", N_("Approved") },
  [RS_RETURN_RECEIVING] = { "receiving", N_("Receiving") },
  [RS_RETURN_RECEIVED] = { "received", N_("Received") },
  [RS_RETURN_INSPECTED] = { "inspected", N_("Inspected") },
  [RS_RETURN_DISPOSED] = { "disposed", N_("Disposed") },
  [RS_RETURN_SETTLED] = { "settled", N_("Settled") },
  [RS_RETURN_REJECTED] = { "rejected", N_("Rejected") },
  [RS_RETURN_CANCELLED] = { "cancelled", N_("Cancelled") },
};

const char *
rs_return_state_get_key (RsReturnState state)
{
  g_return_val_if_fail (state < RS_RETURN_N_STATES, NULL);
  return states[state].key;
}

const char *
rs_return_state_get_display_name (RsReturnState state)
{
  g_return_val_if_fail (state < RS_RETURN_N_STATES, NULL);
  return _(states[state].name);
}

gboolean
rs_return_state_parse (const char *key, RsReturnState *state, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (key != NULL && g_ascii_strcasecmp (key, states[i].key) == 0)
      {
        *state = i;
        return TRUE;
      }
  g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
               _("Unknown return state “%s”. States are: draft, submitted, approved, receiving, received, "
                 "inspected, disposed, settled, rejected, cancelled."), key != NULL ? key : "");
  return FALSE;
}

G_DEFINE_FINAL_TYPE (RsReturn, rs_return, G_TYPE_OBJECT)

enum { PROP_0, PROP_NUMBER, PROP_STATE, PROP_CUSTOMER_NAME, PROP_REQUEST_DATE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
rs_return_dispose (GObject *object)
{
  RsReturn *self = RS_RETURN (object);

  g_clear_object (&self->lines);
  g_clear_object (&self->signatures);
  g_clear_object (&self->flags);
  G_OBJECT_CLASS (rs_return_parent_class)->dispose (object);
}

static void
rs_return_finalize (GObject *object)
{
  RsReturn *self = RS_RETURN (object);

  g_free (self->number);
  g_free (self->customer_code);
  g_free (self->customer_name);
  g_free (self->customer_email);
  g_free (self->sale_slip);
  g_free (self->order_ref);
  g_free (self->sale_date);
  g_free (self->request_date);
  g_free (self->reason_code);
  g_free (self->reason_name);
  g_free (self->description);
  g_free (self->last_comment);
  g_free (self->created_by);
  g_clear_pointer (&self->steps, g_array_unref);
  G_OBJECT_CLASS (rs_return_parent_class)->finalize (object);
}

static void
rs_return_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsReturn *self = RS_RETURN (object);

  switch (prop_id)
    {
    case PROP_NUMBER: g_value_set_string (value, self->number); break;
    case PROP_STATE: g_value_set_int (value, self->state); break;
    case PROP_CUSTOMER_NAME: g_value_set_string (value, self->customer_name); break;
    case PROP_REQUEST_DATE: g_value_set_string (value, self->request_date); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_return_class_init (RsReturnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = rs_return_dispose;
  object_class->finalize = rs_return_finalize;
  object_class->get_property = rs_return_get_property;

  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, flags);
  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, 0, RS_RETURN_N_STATES - 1, 0, flags);
  properties[PROP_CUSTOMER_NAME] = g_param_spec_string ("customer-name", NULL, NULL, NULL, flags);
  properties[PROP_REQUEST_DATE] = g_param_spec_string ("request-date", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_return_init (RsReturn *self)
{
  self->steps = g_array_new (FALSE, TRUE, sizeof (RsApprovalStep));
  self->lines = g_list_store_new (RS_TYPE_RETURN_LINE);
  self->signatures = g_list_store_new (RS_TYPE_RETURN_SIGNATURE);
  self->flags = g_list_store_new (RS_TYPE_RETURN_FLAG);
}

gint64 rs_return_get_id (RsReturn *self) { return self->id; }
const char *rs_return_get_number (RsReturn *self) { return self->number; }
RsReturnState rs_return_get_state (RsReturn *self) { return self->state; }
gint64 rs_return_get_customer_id (RsReturn *self) { return self->customer_id; }
const char *rs_return_get_customer_code (RsReturn *self) { return self->customer_code; }
const char *rs_return_get_customer_name (RsReturn *self) { return self->customer_name; }
const char *rs_return_get_customer_email (RsReturn *self) { return self->customer_email; }
const char *rs_return_get_sale_slip (RsReturn *self) { return self->sale_slip; }
const char *rs_return_get_order_ref (RsReturn *self) { return self->order_ref; }
const char *rs_return_get_sale_date (RsReturn *self) { return self->sale_date; }
const char *rs_return_get_request_date (RsReturn *self) { return self->request_date; }
const char *rs_return_get_reason_code (RsReturn *self) { return self->reason_code; }
const char *rs_return_get_reason_name (RsReturn *self) { return self->reason_name; }
const char *rs_return_get_description (RsReturn *self) { return self->description; }
gint64 rs_return_get_refund_value (RsReturn *self) { return self->refund_value; }
guint rs_return_get_round (RsReturn *self) { return self->round; }
const char *rs_return_get_last_comment (RsReturn *self) { return self->last_comment; }
const char *rs_return_get_created_by (RsReturn *self) { return self->created_by; }
gint64 rs_return_get_created_by_id (RsReturn *self) { return self->created_by_id; }
gint64 rs_return_get_created_at (RsReturn *self) { return self->created_at; }
gint64 rs_return_get_submitted_at (RsReturn *self) { return self->submitted_at; }
gint64 rs_return_get_approved_at (RsReturn *self) { return self->approved_at; }
gint64 rs_return_get_receiving_at (RsReturn *self) { return self->receiving_at; }
gint64 rs_return_get_received_at (RsReturn *self) { return self->received_at; }
guint rs_return_get_n_levels (RsReturn *self) { return self->steps->len; }

gint64
rs_return_get_age (RsReturn *self)
{
  gint64 end = self->state == RS_RETURN_SETTLED ? self->settled_at
             : self->state == RS_RETURN_CANCELLED ? self->closed_at
             : rs_clock_now ();

  return end - self->created_at;
}
GListModel *rs_return_get_lines (RsReturn *self) { return G_LIST_MODEL (self->lines); }
GListModel *rs_return_get_signatures (RsReturn *self) { return G_LIST_MODEL (self->signatures); }
GListModel *rs_return_get_flags (RsReturn *self) { return G_LIST_MODEL (self->flags); }
guint rs_return_get_n_flags (RsReturn *self) { return g_list_model_get_n_items (G_LIST_MODEL (self->flags)); }

/* The first level of the round without an approving signature, while it waits for one. */
static const RsApprovalStep *
next_step (RsReturn *self)
{
  guint signed_levels = 0;

  if (self->state != RS_RETURN_SUBMITTED)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->signatures)); i++)
    {
      g_autoptr(RsReturnSignature) signature = g_list_model_get_item (G_LIST_MODEL (self->signatures), i);
      if (signature->decision == RS_SIGNATURE_APPROVE)
        signed_levels++;
    }
  return signed_levels < self->steps->len ? &g_array_index (self->steps, RsApprovalStep, signed_levels) : NULL;
}

guint
rs_return_get_next_level (RsReturn *self)
{
  const RsApprovalStep *step = next_step (self);
  return step != NULL ? step->level : 0;
}

guint
rs_return_get_next_role (RsReturn *self)
{
  const RsApprovalStep *step = next_step (self);
  return step != NULL ? step->role : RS_ROLE_NONE;
}

static void
add_time (JsonBuilder *builder, const char *member, gint64 when_us)
{
  g_autofree char *text = rs_return_format_time (when_us);
  rs_json_add_string (builder, member, text);
}

static void
add_list (JsonBuilder *builder, const char *member, GListModel *model, JsonNode *(*to_json) (gpointer))
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      json_builder_add_value (builder, to_json (item));
    }
  json_builder_end_array (builder);
}

JsonNode *
rs_return_to_json (RsReturn *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const RsApprovalStep *step = next_step (self);

  json_builder_begin_object (builder);
  rs_json_add_string (builder, "number", self->number);
  rs_json_add_string (builder, "state", rs_return_state_get_key (self->state));
  json_builder_set_member_name (builder, "customer");
  json_builder_begin_object (builder);
  rs_json_add_string (builder, "code", self->customer_code);
  rs_json_add_string (builder, "name", self->customer_name);
  json_builder_end_object (builder);
  rs_json_add_string (builder, "sale_slip", self->sale_slip);
  rs_json_add_string (builder, "order_ref", self->order_ref);
  rs_json_add_string (builder, "sale_date", self->sale_date);
  rs_json_add_string (builder, "request_date", self->request_date);
  rs_json_add_string (builder, "reason", self->reason_code);
  rs_json_add_string (builder, "description", self->description);
  rs_json_add_money (builder, "refund_value", self->refund_value);
  rs_json_add_int (builder, "round", self->round);
  rs_json_add_string (builder, "last_comment", self->last_comment);
  rs_json_add_string (builder, "created_by", self->created_by);
  add_time (builder, "created_at", self->created_at);
  add_time (builder, "submitted_at", self->submitted_at);
  add_time (builder, "approved_at", self->approved_at);
  add_time (builder, "receiving_at", self->receiving_at);
  add_time (builder, "received_at", self->received_at);
  add_time (builder, "inspected_at", self->inspected_at);
  add_time (builder, "disposed_at", self->disposed_at);
  add_time (builder, "settled_at", self->settled_at);
  add_time (builder, "closed_at", self->closed_at);

  /* The levels this round needs, and which one is next. */
  json_builder_set_member_name (builder, "levels");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->steps->len; i++)
    {
      const RsApprovalStep *s = &g_array_index (self->steps, RsApprovalStep, i);

      json_builder_begin_object (builder);
      rs_json_add_int (builder, "level", s->level);
      rs_json_add_string (builder, "role", rs_role_get_key (s->role));
      if (s->min_amount >= 0)
        rs_json_add_money (builder, "min_amount", s->min_amount);
      else
        rs_json_add_string (builder, "min_amount", NULL);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "next_level");
  if (step != NULL)
    json_builder_add_int_value (builder, step->level);
  else
    json_builder_add_null_value (builder);
  rs_json_add_string (builder, "next_role", step != NULL ? rs_role_get_key (step->role) : NULL);

  add_list (builder, "lines", G_LIST_MODEL (self->lines), (JsonNode *(*) (gpointer)) rs_return_line_to_json);
  add_list (builder, "signatures", G_LIST_MODEL (self->signatures), (JsonNode *(*) (gpointer)) rs_return_signature_to_json);
  add_list (builder, "flags", G_LIST_MODEL (self->flags), (JsonNode *(*) (gpointer)) rs_return_flag_to_json);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
