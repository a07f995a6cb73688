/* rs-list-index-private.h — what the paged lists read beside the documents, kept in step by
 * core in the transaction of each change (0008-lists.sql): the search indexes of returns and
 * slips (FTS5 trigram, which triggers may not write with trusted_schema off), and each slip's
 * line count and value. Also the search condition the lists share. */
#pragma once

#include "rs-database.h"

G_BEGIN_DECLS

/* After inserting or editing a return: its number and order reference. */
gboolean  rs_list_index_return (RsDatabase *database,
                                gint64      return_id,
                                GError    **error);
/* After inserting a slip: its number (which never changes). */
gboolean  rs_list_index_slip   (RsDatabase *database,
                                gint64      slip_id,
                                GError    **error);
/* After writing, posting or voiding a slip: its line count and value, and one more change. */
gboolean  rs_list_summarize_slip (RsDatabase *database,
                                  gint64      slip_id,
                                  GError    **error);

/* A search as the lists take it: the trimmed text, and either an FTS5 phrase (three
 * characters or more, bound as :fts) or a LIKE pattern (one or two, bound as :like).
 * NULL when there is nothing to search for. */
typedef struct
{
  char *fts;
  char *like;
} RsListSearch;

/* Refuses text that is not valid UTF-8 or longer than 100 characters (RS_ERROR_VALIDATION). */
gboolean      rs_list_search_parse (const char    *text,
                                    RsListSearch **search,
                                    GError       **error);
void          rs_list_search_free  (RsListSearch  *search);
void          rs_list_search_bind  (RsListSearch  *search,
                                    RsStatement   *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsListSearch, rs_list_search_free)

/* The ORDER BY list of a template whose every "@" is a direction. */
char         *rs_list_order        (const char    *template,
                                    gboolean       ascending);
/* "(a) AND (b) …" of the constant conditions a list chose; NULL for none. */
char         *rs_list_where        (GPtrArray     *conditions);

G_END_DECLS
