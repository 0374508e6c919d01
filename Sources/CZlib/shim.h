#ifndef NOTICEWATCH_CZLIB_SHIM_H
#define NOTICEWATCH_CZLIB_SHIM_H

#include <zlib.h>

/// `inflateInit2` is a C macro, which Swift cannot call: this function expands it.
static inline int czlib_inflate_init(z_stream *stream, int window_bits) {
    return inflateInit2(stream, window_bits);
}

#endif
