extension JSONRecordStream {
    /// Walks from the start of the document to the records array and moves past its `[`.
    ///
    /// Keys not on the records path are skipped without keeping their bytes; for a key that appears twice, the
    /// first occurrence is used.
    ///
    /// - Returns: `nil` when positioned inside the array, or the problem (`unexpected-json-shape` when the path
    ///   does not lead to an array, `malformed-json` for a syntax error) that ends the file.
    /// - Throws: ``IngestError`` `file-unreadable` on an I/O error.
    mutating func openRecordsArray() throws(IngestError) -> BrokenRecord? {
        let keys = layout.recordsKeys
        var walked: [String] = []
        try skipWhitespace()
        for key in keys {
            guard let byte = try peek() else { return endOfFile(expecting: "an object") }
            guard byte == UInt8(ascii: "{") else {
                return shapeProblem(at: walked, found: byte, expecting: "an object")
            }
            position += 1
            var found = false
            members: while true {
                try skipWhitespace()
                guard let first = try peek() else { return endOfFile(expecting: "a key") }
                if first == UInt8(ascii: "}") {
                    break members
                }
                guard first == UInt8(ascii: "\"") else {
                    return problem("expected a string key, found \(describeJSONByte(first))", code: "malformed-json")
                }
                let (start, end, complete) = try frameValue(discarding: false)
                guard complete else { return endOfFile(expecting: "the end of a key") }
                let matches = Self.stringEquals(input.bytes(from: start, to: end), key)
                try skipWhitespace()
                guard let colon = try peek() else { return endOfFile(expecting: "':'") }
                guard colon == UInt8(ascii: ":") else {
                    return problem(
                        "expected ':' after an object key, found \(describeJSONByte(colon))",
                        code: "malformed-json")
                }
                position += 1
                try skipWhitespace()
                if matches {
                    found = true
                    break members
                }
                guard try peek() != nil else { return endOfFile(expecting: "a value") }
                _ = try frameValue(discarding: true)
                try skipWhitespace()
                guard let separator = try peek() else { return endOfFile(expecting: "',' or '}'") }
                if separator == UInt8(ascii: ",") {
                    position += 1
                } else if separator != UInt8(ascii: "}") {
                    return problem(
                        "expected ',' or '}' after an object member, found \(describeJSONByte(separator))",
                        code: "malformed-json")
                }
            }
            walked.append(String(decoding: key, as: UTF8.self))
            guard found else {
                return problem("the document has no `\(walked.joined(separator: "."))`", code: "unexpected-json-shape")
            }
        }
        guard let byte = try peek() else { return endOfFile(expecting: "an array") }
        guard byte == UInt8(ascii: "[") else {
            return shapeProblem(at: walked, found: byte, expecting: "an array of records")
        }
        position += 1
        return nil
    }

    /// The dotted path of the first array, in document order, whose first element is an object, searched from
    /// the object at the current position while reading on; `nil` when there is none or the JSON is broken.
    ///
    /// - Complexity: O(bytes up to the array found); only keys are kept in memory.
    mutating func findRecordsArray(prefix: String) throws(IngestError) -> String? {
        guard try peek() == UInt8(ascii: "{") else { return nil }
        position += 1
        while true {
            try skipWhitespace()
            guard let first = try peek(), first == UInt8(ascii: "\"") else { return nil }
            let (start, end, complete) = try frameValue(discarding: false)
            guard complete, let key = Self.decodedString(input.bytes(from: start, to: end)) else { return nil }
            try skipWhitespace()
            guard try peek() == UInt8(ascii: ":") else { return nil }
            position += 1
            try skipWhitespace()
            let usable = !key.isEmpty && !key.contains(".") && !key.contains("[")
            let path = prefix.isEmpty ? key : prefix + "." + key
            switch try peek() {
            case UInt8(ascii: "["):
                position += 1
                try skipWhitespace()
                if usable, try peek() == UInt8(ascii: "{") { return path }
                guard try skipArrayRest() else { return nil }
            case UInt8(ascii: "{") where usable:
                if let found = try findRecordsArray(prefix: path) { return found }
            case nil:
                return nil
            default:
                _ = try frameValue(discarding: true)
            }
            try skipWhitespace()
            switch try peek() {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "}"):
                position += 1
                return nil
            default:
                return nil
            }
        }
    }

    /// Moves past the elements and the closing bracket of an array whose `[` was read.
    private mutating func skipArrayRest() throws(IngestError) -> Bool {
        while true {
            try skipWhitespace()
            guard let byte = try peek() else { return false }
            if byte == UInt8(ascii: "]") {
                position += 1
                return true
            }
            if byte == UInt8(ascii: ",") {
                position += 1
                continue
            }
            let (_, _, complete) = try frameValue(discarding: true)
            guard complete else { return false }
        }
    }

    /// The text of a framed JSON string (with its quotes), or `nil` when it is not a valid string.
    static func decodedString(_ quoted: UnsafeRawBufferPointer) -> String? {
        guard let trie = try? JSONPathTrie(paths: [], displayPath: "") else { return nil }
        var parser = JSONRecordParser(bytes: quoted, trie: trie, fieldPaths: [], endName: "end of file")
        guard let span = try? parser.scanString(), (try? parser.unescape(span)) != nil else { return nil }
        return String(validating: parser.scratch, as: UTF8.self)
    }

    private func endOfFile(expecting: String) -> BrokenRecord {
        problem("unexpected end of file, expected \(expecting)", code: "malformed-json")
    }

    private func shapeProblem(at walked: [String], found byte: UInt8, expecting: String) -> BrokenRecord {
        let place = walked.isEmpty ? "the document" : "`\(walked.joined(separator: "."))`"
        return problem(
            "expected \(place) to be \(expecting), found \(JSONRecordParser.kind(of: byte))",
            code: "unexpected-json-shape"
        )
    }

    /// Whether a framed JSON string (with its quotes) decodes to `key`.
    static func stringEquals(_ quoted: UnsafeRawBufferPointer, _ key: [UInt8]) -> Bool {
        let content = UnsafeRawBufferPointer(rebasing: quoted.dropFirst().dropLast())
        if !content.contains(UInt8(ascii: "\\")) {
            return content.elementsEqual(key)
        }
        let trie = try? JSONPathTrie(paths: [], displayPath: "")
        guard let trie else { return false }
        var parser = JSONRecordParser(bytes: quoted, trie: trie, fieldPaths: [], endName: "end of file")
        guard let span = try? parser.scanString(), (try? parser.unescape(span)) != nil else { return false }
        return parser.scratch == key
    }
}
