/* rs-return-mail.c — the confirmation e-mail (认证邮件) of an approved return, as a mailto: draft. */
#include "rs-returns.h"
#include "rs-return-private.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-money.h"
#include "rs-settings.h"
#include "rs-time-check.h"

static char *
compose_body (RsDatabase *db, RsReturn *ret)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *company = rs_settings_get (db, RS_SETTING_COMPANY_NAME, "");
  GListModel *lines = rs_return_get_lines (ret);
  RsTimePolicy policy;

  rs_time_policy_read (db, &policy, NULL);
  /* Mail bodies break lines with CR LF (RFC 6068). */
  g_string_append_printf (body, _("Dear %s,"), rs_return_get_customer_name (ret));
  g_string_append (body, "\r\n\r\n");
  g_string_append_printf (body, _("your return %s has been approved. Please send the goods below within %u days "
                                  "and write the number %s on the parcel."),
                          rs_return_get_number (ret), policy.receiving_deadline_days, rs_return_get_number (ret));
  g_string_append (body, "\r\n\r\n");
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(RsReturnLine) line = g_list_model_get_item (lines, i);
      g_autofree char *quantity = rs_quantity_format (rs_return_line_get_quantity (line),
                                                      rs_return_line_get_decimals (line));

      g_string_append_printf (body, "%u. %s %s × %s %s\r\n", rs_return_line_get_number (line),
                              rs_return_line_get_sku (line), rs_return_line_get_product_name (line),
                              quantity, rs_return_line_get_unit (line));
    }
  g_string_append (body, "\r\n");
  g_string_append_printf (body, _("Reason: %s"), rs_return_get_reason_name (ret));
  g_string_append (body, "\r\n");
  if (*rs_return_get_order_ref (ret) != '\0')
    {
      g_string_append_printf (body, _("Your order: %s"), rs_return_get_order_ref (ret));
      g_string_append (body, "\r\n");
    }
  {
    g_autofree char *value = rs_money_format (rs_return_get_refund_value (ret));
    g_string_append_printf (body, _("Value of the goods: ¥%s"), value);
    g_string_append (body, "\r\n");
  }
  g_string_append (body, "\r\n");
  g_string_append (body, _("Kind regards"));
  if (*company != '\0')
    g_string_append_printf (body, "\r\n%s", company);
  g_string_append (body, "\r\n");
  return g_string_free (g_steal_pointer (&body), FALSE);
}

char *
rs_returns_confirmation_mailto (RsSession *session, const char *number, GError **error)
{
  g_autoptr(RsReturn) ret = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *to = NULL;
  g_autofree char *subject_escaped = NULL;
  g_autofree char *body_escaped = NULL;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  ret = rs_returns_lookup (session, number, error);
  if (ret == NULL)
    return NULL;
  if (rs_return_get_approved_at (ret) == 0 || rs_return_get_state (ret) == RS_RETURN_CANCELLED)
    return g_set_error (error, RS_ERROR, RS_ERROR_INVALID_STATE,
                        _("%s is %s; the confirmation e-mail exists once a return is approved."),
                        rs_return_get_number (ret), rs_return_state_get_display_name (rs_return_get_state (ret))), NULL;

  subject = g_strdup_printf (_("Return %s approved"), rs_return_get_number (ret));
  body = compose_body (rs_session_get_database (session), ret);
  /* "@" stays readable; everything else that is not unreserved is %-encoded, UTF-8 included. */
  to = g_uri_escape_string (rs_return_get_customer_email (ret), "@", FALSE);
  subject_escaped = g_uri_escape_string (subject, NULL, FALSE);
  body_escaped = g_uri_escape_string (body, NULL, FALSE);
  return g_strdup_printf ("mailto:%s?subject=%s&body=%s", to, subject_escaped, body_escaped);
}
