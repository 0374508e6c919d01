#ifndef NOTICEWATCH_CLIBXML2_SHIM_H
#define NOTICEWATCH_CLIBXML2_SHIM_H

#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>

/// Swift 6 cannot call the C global `xmlFree` (a mutable function pointer): call it through this function.
static inline void cxml_free(void *pointer) { xmlFree(pointer); }

#endif
