internal import CLibCrypto

/// SHA-256 (FIPS 180-4), incremental: feed bytes in any number of pieces, then read the digest.
///
/// NoticeWatch hashes every input before parsing it and every output after writing it, for provenance. The
/// block function is libcrypto's, which uses the CPU's SHA extensions where it has them (about 1.8 GB/s on the
/// benchmark machine, several times a portable implementation). The hasher is a value: a copy carries on
/// independently from where it was copied.
///
/// - Complexity: O(n) in the bytes fed.
public struct SHA256: Sendable {
    private var context = SHA256_CTX()

    public init() { clibcrypto_sha256_init(&context) }

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        clibcrypto_sha256_update(&context, base, bytes.count)
    }

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        guard handled == nil else { return }
        let array = Array(bytes)
        array.withUnsafeBytes { update($0) }
    }

    /// The digest of everything fed so far, as 64 lower-case hex digits. The hasher is not changed.
    public func hexDigest() -> String {
        var finished = context
        var digest = [UInt8](repeating: 0, count: 32)
        digest.withUnsafeMutableBufferPointer { clibcrypto_sha256_final(&finished, $0.baseAddress) }
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 64) { hex in
            for (position, byte) in digest.enumerated() {
                hex[2 * position] = digits[Int(byte >> 4)]
                hex[2 * position + 1] = digits[Int(byte & 0xF)]
            }
            return 64
        }
    }

    /// The SHA-256 of `bytes`, as 64 lower-case hex digits.
    public static func hexDigest(of bytes: some Sequence<UInt8>) -> String {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.hexDigest()
    }
}
