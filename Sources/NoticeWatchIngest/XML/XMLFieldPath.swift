import NoticeWatchModel

/// An element or attribute name to match: a namespace URI (or none) and a local name, pre-encoded so that
/// libxml2's names are compared byte for byte without making strings.
struct XMLName: Hashable, Sendable {
    /// The local name, NUL-terminated.
    let localName: [UInt8]
    /// The namespace URI, NUL-terminated; `nil` for a name in no namespace.
    let namespaceURI: [UInt8]?

    init(localName: String, namespaceURI: String?) {
        self.localName = Array(localName.utf8) + [0]
        self.namespaceURI = namespaceURI.map { Array($0.utf8) + [0] }
    }

    /// Whether libxml2's local name and namespace URI (`nil` for none) are this name.
    @inline(__always)
    func matches(localName other: UnsafePointer<UInt8>?, namespaceURI otherURI: UnsafePointer<UInt8>?) -> Bool {
        guard let other, Self.equal(other, localName) else { return false }
        switch (namespaceURI, otherURI) {
        case (nil, nil): return true
        case (let uri?, let otherURI?): return Self.equal(otherURI, uri)
        default: return false
        }
    }

    /// Whether a namespace URI to match (NUL-terminated, `nil` for none) is libxml2's (`nil` for none).
    @inline(__always)
    static func sameNamespace(_ expected: [UInt8]?, _ found: UnsafePointer<UInt8>?) -> Bool {
        switch (expected, found) {
        case (nil, nil): return true
        case (let expected?, let found?): return equal(found, expected)
        default: return false
        }
    }

    @inline(__always)
    private static func equal(_ text: UnsafePointer<UInt8>, _ expected: [UInt8]) -> Bool {
        expected.withUnsafeBufferPointer { expected in
            var index = 0
            while true {
                let byte = text[index]
                if byte != expected[index] { return false }
                if byte == 0 { return true }
                index += 1
            }
        }
    }

    /// Resolves a qualified name from a path (`nw:country`, `country`) with the sources file's prefixes.
    ///
    /// - Throws: ``IngestError`` `sources-file-unknown-namespace-prefix` for a prefix not in `namespaces`,
    ///   `sources-file-invalid-field-path` for an empty name.
    static func resolve(
        _ qualified: Substring, namespaces: [String: String], path: String
    ) throws(IngestError) -> XMLName {
        let parts = qualified.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }) else {
            throw IngestError(
                code: .sourcesFileInvalidFieldPath,
                message: "`\(path)` is not an XML path (steps such as `nw:decision/nw:date`, `@ref`, "
                    + "`nw:country/@code`)"
            )
        }
        guard parts.count == 2 else { return XMLName(localName: String(parts[0]), namespaceURI: nil) }
        guard let uri = namespaces[String(parts[0])] else {
            throw IngestError(
                code: .sourcesFileUnknownNamespacePrefix,
                message: "the prefix `\(parts[0])` in `\(path)` is not declared under `xml.namespaces`"
            )
        }
        return XMLName(localName: String(parts[1]), namespaceURI: uri)
    }
}

/// A field path relative to the record element: child elements, then optionally an attribute.
///
/// `nw:country` (text of a child), `nw:decision/nw:date` (nested), `@ref` (attribute of the record),
/// `nw:country/@code` (attribute of a child). Unprefixed steps match names in no namespace.
struct XMLFieldPath: Hashable, Sendable {
    var elements: [XMLName]
    var attribute: XMLName?

    /// Parses a path with the sources file's prefixes.
    ///
    /// - Throws: ``IngestError`` `sources-file-invalid-field-path` (empty path or step, `@` before the last
    ///   step) or `sources-file-unknown-namespace-prefix`.
    init(_ path: String, namespaces: [String: String]) throws(IngestError) {
        let steps = path.split(separator: "/", omittingEmptySubsequences: false)
        elements = []
        attribute = nil
        for (index, step) in steps.enumerated() {
            if step.hasPrefix("@") && index == steps.count - 1 {
                attribute = try XMLName.resolve(step.dropFirst(), namespaces: namespaces, path: path)
            } else if step.hasPrefix("@") {
                throw IngestError(
                    code: .sourcesFileInvalidFieldPath,
                    message: "`\(path)` is not an XML path: an attribute (`@…`) can only be the last step"
                )
            } else {
                elements.append(try XMLName.resolve(step, namespaces: namespaces, path: path))
            }
        }
    }
}
