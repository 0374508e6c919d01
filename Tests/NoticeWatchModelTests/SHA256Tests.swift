import NoticeWatchModel
import Testing

@Suite("SHA-256")
struct SHA256Tests {
    @Test(
        "FIPS 180-4 vectors",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
        ])
    func vectors(message: String, digest: String) {
        #expect(SHA256.hexDigest(of: Array(message.utf8)) == digest)
    }

    @Test("Feeding in pieces gives the digest of the whole")
    func incremental() {
        let message = Array((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        var hasher = SHA256()
        var offset = 0
        for size in [1, 63, 64, 65, 7, 300, 500] where offset < message.count {
            let end = min(message.count, offset + size)
            hasher.update(message[offset..<end])
            offset = end
        }
        #expect(hasher.hexDigest() == SHA256.hexDigest(of: message))
    }

    @Test("A copy carries on from where it was copied, on its own; reading the digest changes nothing")
    func copies() {
        var hasher = SHA256()
        hasher.update(Array("abc".utf8))
        var copy = hasher
        copy.update(Array("def".utf8))
        #expect(hasher.hexDigest() == SHA256.hexDigest(of: Array("abc".utf8)))
        #expect(hasher.hexDigest() == hasher.hexDigest())
        #expect(copy.hexDigest() == SHA256.hexDigest(of: Array("abcdef".utf8)))
        hasher.update(UnsafeRawBufferPointer(start: nil, count: 0))
        #expect(hasher.hexDigest() == SHA256.hexDigest(of: Array("abc".utf8)))
    }

    @Test("A million 'a's")
    func million() {
        #expect(
            SHA256.hexDigest(of: [UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
