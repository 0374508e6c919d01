extension JSONRecordParser {
    /// Adds the leaf paths of the value at the current position to `paths` (`a.b`, `a[0].c`); an empty object
    /// or array is a leaf. Keys containing `.` or `[` are left out, since a path cannot name them.
    ///
    /// - Throws: ``JSONRecordFault`` for a syntax error.
    /// - Complexity: O(n) in the value's bytes.
    mutating func collectPaths(prefix: String, into paths: inout Set<String>) throws(JSONRecordFault) {
        switch try current() {
        case UInt8(ascii: "{"):
            position += 1
            skipWhitespace()
            if try current() == UInt8(ascii: "}") {
                position += 1
                if !prefix.isEmpty { paths.insert(prefix) }
                return
            }
            while true {
                let key = try keyText()
                let usable = !key.contains(".") && !key.contains("[") && !key.isEmpty
                let child = prefix.isEmpty ? key : prefix + "." + key
                if usable {
                    try collectPaths(prefix: child, into: &paths)
                } else {
                    try parseValue(node: nil, depth: 0)
                }
                skipWhitespace()
                guard try current() == UInt8(ascii: ",") else { break }
                position += 1
                skipWhitespace()
            }
            position += 1
        case UInt8(ascii: "["):
            position += 1
            skipWhitespace()
            if try current() == UInt8(ascii: "]") {
                position += 1
                paths.insert(prefix)
                return
            }
            var index = 0
            while true {
                try collectPaths(prefix: "\(prefix)[\(index)]", into: &paths)
                index += 1
                skipWhitespace()
                guard try current() == UInt8(ascii: ",") else { break }
                position += 1
                skipWhitespace()
            }
            position += 1
        default:
            try parseValue(node: nil, depth: 0)
            paths.insert(prefix)
        }
    }

    /// Reads a key and its colon, leaving the position on the value.
    private mutating func keyText() throws(JSONRecordFault) -> String {
        guard try current() == UInt8(ascii: "\"") else { throw .malformed("expected a string key", at: position) }
        let span = try scanString()
        try unescape(span)
        let key = String(decoding: scratch, as: UTF8.self)
        skipWhitespace()
        guard try current() == UInt8(ascii: ":") else { throw .malformed("expected ':'", at: position) }
        position += 1
        skipWhitespace()
        return key
    }
}
