#ifndef NOTICEWATCH_CLIBCRYPTO_SHIM_H
#define NOTICEWATCH_CLIBCRYPTO_SHIM_H

// OpenSSL's one-shot SHA-256 context: a plain C struct, so a Swift value can hold it and copy it. OpenSSL 3
// marks these functions deprecated in favour of EVP, whose context is an opaque heap object; both run the same
// block function (with the CPU's SHA extensions when it has them). The wrappers keep the warning out of Swift.
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/sha.h>

static inline void clibcrypto_sha256_init(SHA256_CTX *context) { SHA256_Init(context); }

static inline void clibcrypto_sha256_update(SHA256_CTX *context, const void *bytes, size_t count) {
    SHA256_Update(context, bytes, count);
}

/// Writes the 32-byte digest of `context` to `digest`; `context` is finished and must not be updated again.
static inline void clibcrypto_sha256_final(SHA256_CTX *context, unsigned char *digest) {
    SHA256_Final(digest, context);
}

#endif
