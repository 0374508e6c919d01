/// SHA-256 (FIPS 180-4), incremental: feed bytes in any number of pieces, then read the digest.
///
/// NoticeWatch hashes every input before parsing it and every output after writing it, for provenance.
///
/// - Complexity: O(n) in the bytes fed.
public struct SHA256: Sendable {
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
    )
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    public init() { pending.reserveCapacity(64) }

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        length &+= UInt64(bytes.count)
        var offset = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, bytes.count)
            pending.append(contentsOf: bytes[0..<take])
            offset = take
            if pending.count == 64 {
                pending.withUnsafeBytes { compress($0.baseAddress!) }
                pending.removeAll(keepingCapacity: true)
            }
        }
        let blocks = (bytes.count - offset) / 64
        if blocks > 0 {
            SHA256.roundConstants.withUnsafeBufferPointer { k in
                compress(bytes.baseAddress! + offset, blocks: blocks, k: k.baseAddress!)
            }
            offset += blocks * 64
        }
        if offset < bytes.count { pending.append(contentsOf: bytes[offset...]) }
    }

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let array = Array(bytes)
        array.withUnsafeBytes { update($0) }
    }

    /// The digest of everything fed so far, as 64 lower-case hex digits. The hasher is not changed.
    public func hexDigest() -> String {
        var copy = self
        let bitLength = length &* 8
        var tail: [UInt8] = [0x80]
        let padding = (55 &- Int(length % 64) + 64) % 64
        tail.append(contentsOf: repeatElement(0, count: padding))
        for shift in stride(from: 56, through: 0, by: -8) {
            tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        tail.withUnsafeBytes { buffer in
            var offset = 0
            var block = copy.pending
            block.append(contentsOf: buffer[0..<(64 - block.count)])
            offset = 64 - copy.pending.count
            block.withUnsafeBytes { copy.compress($0.baseAddress!) }
            while offset < buffer.count {
                copy.compress(buffer.baseAddress! + offset)
                offset += 64
            }
        }
        let words = [
            copy.state.0, copy.state.1, copy.state.2, copy.state.3, copy.state.4, copy.state.5, copy.state.6,
            copy.state.7,
        ]
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for word in words {
            for shift in stride(from: 28, through: 0, by: -4) { hex.append(digits[Int((word >> UInt32(shift)) & 0xF)]) }
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The SHA-256 of `bytes`, as 64 lower-case hex digits.
    public static func hexDigest(of bytes: some Sequence<UInt8>) -> String {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.hexDigest()
    }

    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// Processes one 64-byte block.
    @inline(__always)
    private mutating func compress(_ block: UnsafeRawPointer) {
        SHA256.roundConstants.withUnsafeBufferPointer { k in compress(block, blocks: 1, k: k.baseAddress!) }
    }

    /// Processes `blocks` consecutive 64-byte blocks from `start`: eight rounds per step with the working
    /// variables renamed instead of moved, the message schedule in a 16-word ring; no allocation, no bounds checks.
    private mutating func compress(_ start: UnsafeRawPointer, blocks: Int, k: UnsafePointer<UInt32>) {
        var (h0, h1, h2, h3, h4, h5, h6, h7) = state
        var ring: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &ring) { raw in
            let w = raw.baseAddress!.assumingMemoryBound(to: UInt32.self)
            for blockIndex in 0..<blocks {
                let block = start + blockIndex &* 64
                for i in 0..<16 { w[i] = SHA256.word(block, i) }
                var (a, b, c, d, e, f, g, h) = (h0, h1, h2, h3, h4, h5, h6, h7)
                var i = 0
                while i < 16 {
                    SHA256.round(a, b, c, &d, e, f, g, &h, k, w, i, extend: false)
                    SHA256.round(h, a, b, &c, d, e, f, &g, k, w, i &+ 1, extend: false)
                    SHA256.round(g, h, a, &b, c, d, e, &f, k, w, i &+ 2, extend: false)
                    SHA256.round(f, g, h, &a, b, c, d, &e, k, w, i &+ 3, extend: false)
                    SHA256.round(e, f, g, &h, a, b, c, &d, k, w, i &+ 4, extend: false)
                    SHA256.round(d, e, f, &g, h, a, b, &c, k, w, i &+ 5, extend: false)
                    SHA256.round(c, d, e, &f, g, h, a, &b, k, w, i &+ 6, extend: false)
                    SHA256.round(b, c, d, &e, f, g, h, &a, k, w, i &+ 7, extend: false)
                    i &+= 8
                }
                while i < 64 {
                    SHA256.round(a, b, c, &d, e, f, g, &h, k, w, i, extend: true)
                    SHA256.round(h, a, b, &c, d, e, f, &g, k, w, i &+ 1, extend: true)
                    SHA256.round(g, h, a, &b, c, d, e, &f, k, w, i &+ 2, extend: true)
                    SHA256.round(f, g, h, &a, b, c, d, &e, k, w, i &+ 3, extend: true)
                    SHA256.round(e, f, g, &h, a, b, c, &d, k, w, i &+ 4, extend: true)
                    SHA256.round(d, e, f, &g, h, a, b, &c, k, w, i &+ 5, extend: true)
                    SHA256.round(c, d, e, &f, g, h, a, &b, k, w, i &+ 6, extend: true)
                    SHA256.round(b, c, d, &e, f, g, h, &a, k, w, i &+ 7, extend: true)
                    i &+= 8
                }
                h0 = h0 &+ a
                h1 = h1 &+ b
                h2 = h2 &+ c
                h3 = h3 &+ d
                h4 = h4 &+ e
                h5 = h5 &+ f
                h6 = h6 &+ g
                h7 = h7 &+ h
            }
        }
        state = (h0, h1, h2, h3, h4, h5, h6, h7)
    }

    /// One round: extends the schedule ring first when `extend` (rounds 16 to 63), then updates `d` and `h`.
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32, _ g: UInt32,
        _ h: inout UInt32, _ k: UnsafePointer<UInt32>, _ w: UnsafeMutablePointer<UInt32>, _ i: Int, extend: Bool
    ) {
        let slot = i & 15
        if extend {
            let w15 = w[(i &- 15) & 15]
            let w2 = w[(i &- 2) & 15]
            let s0 = w15.rotatedRight(7) ^ w15.rotatedRight(18) ^ (w15 >> 3)
            let s1 = w2.rotatedRight(17) ^ w2.rotatedRight(19) ^ (w2 >> 10)
            w[slot] = w[slot] &+ s0 &+ w[(i &- 7) & 15] &+ s1
        }
        let sigma1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
        let choice = g ^ (e & (f ^ g))
        let t1 = h &+ sigma1 &+ choice &+ k[i] &+ w[slot]
        let sigma0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
        let majority = (a & b) | (c & (a | b))
        let t2 = sigma0 &+ majority
        d = d &+ t1
        h = t1 &+ t2
    }

    /// The big-endian 32-bit word `index` of a block.
    @inline(__always)
    private static func word(_ block: UnsafeRawPointer, _ index: Int) -> UInt32 {
        UInt32(bigEndian: block.loadUnaligned(fromByteOffset: index &* 4, as: UInt32.self))
    }
}

extension UInt32 {
    @inline(__always) fileprivate func rotatedRight(_ count: UInt32) -> UInt32 {
        (self >> count) | (self << (32 - count))
    }
}
