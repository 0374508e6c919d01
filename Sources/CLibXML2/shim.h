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
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

/// Swift 6 cannot call the C global `xmlFree` (a mutable function pointer): call it through this function.
static inline void cxml_free(void *pointer) { xmlFree(pointer); }

/// The `_private` pointer of a parser context passed to a SAX callback as `void *`.
static inline void *cxml_context_private(void *context) { return ((xmlParserCtxtPtr) context)->_private; }

/// The line the parser context's current input is at, 0 without one.
static inline int cxml_context_line(void *context) {
    xmlParserCtxtPtr parser = (xmlParserCtxtPtr) context;
    return parser->input != NULL ? parser->input->line : 0;
}

/// Whether the parser context is inside the document type declaration's internal subset.
static inline int cxml_context_in_subset(void *context) { return ((xmlParserCtxtPtr) context)->inSubset; }

/// Whether the parser context met a well-formedness error.
static inline int cxml_context_well_formed(void *context) { return ((xmlParserCtxtPtr) context)->wellFormed; }

/// The document a parser context built (the document node and its DTD only, with SAX callbacks that build no
/// elements), taken from the context so that the caller frees it.
static inline xmlDocPtr cxml_context_take_document(xmlParserCtxtPtr context) {
    xmlDocPtr document = context->myDoc;
    context->myDoc = NULL;
    return document;
}

#endif
