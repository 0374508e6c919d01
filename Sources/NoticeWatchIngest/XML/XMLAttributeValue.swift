/// An attribute's value as libxml2's SAX2 parser reports it, decoded the way its tree builder does.
///
/// Entities are never substituted, so the parser leaves `&name;` in a value for an entity reference and writes
/// `&#38;` for a literal `&`; the tree builder turns character references into their characters and entity
/// references into entity reference nodes, whose text is not the attribute's. Every other character is already
/// the value's own (predefined entities and whitespace normalization are done by the parser).
enum XMLAttributeValue {
    /// The value of the attribute `wanted` among libxml2's attributes (five pointers each: local name, prefix,
    /// namespace URI, value start, value end), `nil` when there is none.
    ///
    /// - Complexity: O(`count`).
    static func find(
        _ wanted: XMLName, in attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>, count: Int
    ) -> UnsafeBufferPointer<UInt8>? {
        for index in 0..<count {
            let base = attributes + 5 * index
            // An attribute whose prefix is not declared is named `prefix:name` in the tree: it matches no path.
            guard base[1] == nil || base[2] != nil, wanted.matches(localName: base[0], namespaceURI: base[2]),
                let start = base[3], let end = base[4]
            else { continue }
            return UnsafeBufferPointer(start: start, count: end - start)
        }
        return nil
    }

    /// Decodes `value` into `buffer` (emptied first): character references become their UTF-8 bytes, the
    /// predefined entities their character, other entity references are left out. Returns the first of those
    /// entities' name, if any.
    ///
    /// - Complexity: O(`value.count`).
    static func decode(_ value: UnsafeBufferPointer<UInt8>, into buffer: inout GrowableBytes) -> String? {
        buffer.count = 0
        var entity: String?
        guard let base = value.baseAddress else { return nil }
        var index = 0
        while index < value.count {
            let byte = base[index]
            guard byte == UInt8(ascii: "&") else {
                buffer.append(byte)
                index += 1
                continue
            }
            var end = index + 1
            while end < value.count, base[end] != UInt8(ascii: ";") { end += 1 }
            guard end < value.count else { break }
            let name = UnsafeBufferPointer(rebasing: value[(index + 1)..<end])
            if name.first == UInt8(ascii: "#") {
                if let scalar = characterReference(UnsafeBufferPointer(rebasing: name.dropFirst())) {
                    for unit in String(Character(scalar)).utf8 { buffer.append(unit) }
                }
            } else if let predefined = predefined(name) {
                buffer.append(predefined)
            } else if entity == nil {
                entity = String(decoding: name, as: UTF8.self)
            }
            index = end + 1
        }
        return entity
    }

    /// The character of a character reference's digits (`38`, `x26`), `nil` when they name none.
    private static func characterReference(_ digits: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var value: UInt32 = 0
        var body = digits[...]
        var radix: UInt32 = 10
        if body.first == UInt8(ascii: "x") {
            radix = 16
            body = body.dropFirst()
        }
        guard !body.isEmpty else { return nil }
        for byte in body {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt32(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: digit = UInt32(byte - UInt8(ascii: "A")) + 10
            default: return nil
            }
            value = value * radix + digit
            if value > 0x10FFFF { return nil }
        }
        return Unicode.Scalar(value)
    }

    /// The character of a predefined entity's name.
    private static func predefined(_ name: UnsafeBufferPointer<UInt8>) -> UInt8? {
        switch String(decoding: name, as: UTF8.self) {
        case "lt": return UInt8(ascii: "<")
        case "gt": return UInt8(ascii: ">")
        case "amp": return UInt8(ascii: "&")
        case "apos": return UInt8(ascii: "'")
        case "quot": return UInt8(ascii: "\"")
        default: return nil
        }
    }
}
