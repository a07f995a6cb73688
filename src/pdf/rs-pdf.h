/* rs-pdf.h — what document writers include: the document model and its templates. */
#pragma once

#include "rs-pdf-document.h"
#include "rs-pdf-font.h"
#include "rs-pdf-template.h"
