/* rs-pdf-document-private.h — the model as the layout reads it (src/pdf only). */
#pragma once

#include "rs-pdf-document.h"
#include "rs-pdf-image.h"

G_BEGIN_DECLS

typedef struct {
  char      *title;
  double     weight;
  RsPdfAlign align;
} RsPdfColumn;

struct _RsPdfTable
{
  GArray    *columns;   /* RsPdfColumn */
  GPtrArray *rows;      /* GStrv, one cell per column */
  char     **footer;    /* or NULL */
};

typedef struct {
  char       *path;
  char       *caption;
  RsPdfImage *image;    /* prepared for rendering; NULL when the file is no picture */
  char       *note;     /* then: why it is missing, printed in its place */
} RsPdfPhoto;

typedef enum {
  RS_PDF_BLOCK_HEADING,
  RS_PDF_BLOCK_TEXT,
  RS_PDF_BLOCK_FIELDS,
  RS_PDF_BLOCK_TABLE,
  RS_PDF_BLOCK_SIGNATURES,
  RS_PDF_BLOCK_PHOTOS,
  RS_PDF_BLOCK_PAGE_BREAK,
} RsPdfBlockKind;

typedef struct {
  RsPdfBlockKind kind;
  guint          columns;   /* fields */
  GPtrArray     *strings;   /* heading, text: one; fields, signatures: label, value, … */
  RsPdfTable    *table;
  GPtrArray     *photos;    /* RsPdfPhoto */
} RsPdfBlock;

/* What every page repeats, resolved for rendering. */
typedef struct {
  const char       *company;
  const char       *address;
  const RsPdfImage *logo;
  const char       *title;
  const char       *number;        /* printed as number_label and as the QR code */
  const char       *number_label;  /* "No. RK…" in the program's language */
  const char       *reprint;       /* "第 2 次打印", or NULL */
  char            **copy_labels;   /* "第1联：存根联" …, or NULL */
} RsPdfHeader;

/* The benchmark's comparison: libharu loads the whole font file instead of a subset. */
void rs_pdf_document_set_whole_font (RsPdfDocument *self,
                                     gboolean       whole_font);

G_END_DECLS
