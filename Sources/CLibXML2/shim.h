#ifndef NOTICEWATCH_CLIBXML2_SHIM_H
#define NOTICEWATCH_CLIBXML2_SHIM_H

/*
 * Debian's libxml2 is built with ICU, so <libxml/encoding.h> includes ICU's <unicode/ucnv.h>. Foundation brings
 * its own copy of ICU (_FoundationICU), and a Swift module that sees both copies fails to compile (and can crash
 * the compiler). NoticeWatch never touches libxml2's ICU converters (only pointers to xmlCharEncodingHandler), so
 * the ICU part of the headers is switched off here.
 */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>

/// Swift 6 cannot call the C global `xmlFree` (a mutable function pointer): call it through this function.
static inline void cxml_free(void *pointer) { xmlFree(pointer); }

#endif
