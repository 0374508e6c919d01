/// Byte-level reading of the start of an XML file, for cutting it into chunks: where its content starts, the
/// start tags enclosing the first record, and that record's tag.
///
/// Only plain shapes are recognized; anything else gives `nil` and the file is read whole.
enum XMLProlog {
    /// The start tags before the first record and what a chunk needs from them.
    struct EnclosingTags: Equatable {
        /// The offset of the `<` of the first record's start tag.
        var recordStart: Int
        /// `<` and the first record's qualified name, as the file spells it.
        var recordTag: [UInt8]
        /// The end tags of the enclosing elements, innermost first.
        var endTags: [UInt8]
    }

    /// Where the content starts (after a UTF-8 byte order mark and the XML declaration), when the file is in
    /// UTF-8 or declares an ASCII-compatible single-byte encoding; `nil` otherwise (UTF-16 or UTF-32, another
    /// declared encoding, a declaration that does not end in `bytes`).
    ///
    /// - Complexity: O(length of the declaration).
    static func contentStart(_ bytes: [UInt8]) -> Int? {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        guard start < bytes.count, bytes[start] == UInt8(ascii: "<") || isSpace(bytes[start]) else { return nil }
        let opening = Array("<?xml".utf8)
        guard bytes[start...].starts(with: opening), start + opening.count < bytes.count,
            isSpace(bytes[start + opening.count])
        else { return start }
        var end = start + opening.count
        while end + 1 < bytes.count, !(bytes[end] == UInt8(ascii: "?") && bytes[end + 1] == UInt8(ascii: ">")) {
            end += 1
        }
        guard end + 1 < bytes.count else { return nil }
        let declaration = String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
        guard let encoding = declaredEncoding(declaration) else { return end + 2 }
        let singleByte =
            ["utf-8", "utf8", "us-ascii", "ascii", "latin1", "iso-latin-1"].contains(encoding)
            || encoding.hasPrefix("iso-8859-") || encoding.hasPrefix("windows-125") || encoding.hasPrefix("cp125")
        return singleByte ? end + 2 : nil
    }

    /// The value of `encoding="…"` in a lowercased XML declaration.
    private static func declaredEncoding(_ declaration: String) -> String? {
        guard let key = declaration.firstRange(of: "encoding") else { return nil }
        var rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        return String(value)
    }

    /// The `depth` start tags from `start` on, when they are all that comes before the next start tag (text
    /// aside): no end tag, empty element, comment, DOCTYPE or processing instruction. `nil` otherwise, or when
    /// the tags do not end in `bytes`.
    ///
    /// - Complexity: O(`bytes.count`).
    static func enclosingTags(_ bytes: [UInt8], from start: Int, depth: Int) -> EnclosingTags? {
        var names: [ArraySlice<UInt8>] = []
        var index = start
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            var end = open + 1
            while end < bytes.count, !isDelimiter(bytes[end]) { end += 1 }
            guard end < bytes.count, end > open + 1 else { return nil }
            let first = bytes[open + 1]
            guard first != UInt8(ascii: "!"), first != UInt8(ascii: "?"), first != UInt8(ascii: "/") else {
                return nil
            }
            if names.count == depth {
                var endTags: [UInt8] = []
                for name in names.reversed() {
                    endTags += Array("</".utf8) + name + [UInt8(ascii: ">")]
                }
                return EnclosingTags(recordStart: open, recordTag: Array(bytes[open..<end]), endTags: endTags)
            }
            names.append(bytes[(open + 1)..<end])
            guard let close = tagEnd(bytes, from: end), bytes[close - 1] != UInt8(ascii: "/") else { return nil }
            index = close + 1
        }
        return nil
    }

    /// The offset of the `>` ending a tag whose name ends at `from` (quoted attribute values may hold `>`).
    private static func tagEnd(_ bytes: [UInt8], from: Int) -> Int? {
        var index = from
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The offset of the first `tag` (`<name`) followed by a space, `>` or `/` in `block` at or after `from`.
    ///
    /// - Complexity: O(`block.count`).
    static func find(_ tag: [UInt8], in block: [UInt8], from: Int) -> Int? {
        guard tag.count > 1, block.count > tag.count else { return nil }
        var index = from
        let last = block.count - tag.count
        while index < last {
            guard let open = block[index..<last].firstIndex(of: tag[0]) else { return nil }
            var matches = true
            for offset in 1..<tag.count where block[open + offset] != tag[offset] {
                matches = false
                break
            }
            if matches, isDelimiter(block[open + tag.count]), block[open + tag.count] != UInt8(ascii: "<") {
                return open
            }
            index = open + 1
        }
        return nil
    }

    /// A byte that ends a tag name: space, tab, line break, `>`, `/` (and `<`, which ends nothing well-formed).
    private static func isDelimiter(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "<")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
