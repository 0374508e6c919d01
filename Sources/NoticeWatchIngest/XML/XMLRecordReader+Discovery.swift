internal import CLibXML2
internal import NoticeWatchModel

extension XMLRecordReader {
    /// Detects the record element when it is not given, and lists the field paths of the first records.
    ///
    /// The record element is the first child of the root whose name occurs again among the root's children, or
    /// the root's only child name. Paths name elements with the prefixes of `namespaces` (the alphabetically
    /// first prefix when a URI has several): child and nested elements that hold no element (`nw:decision/nw:date`),
    /// attributes of the record (`@ref`) and of elements below it (`nw:country/@code`).
    ///
    /// - Parameters:
    ///   - path: the absolute path of the file.
    ///   - displayPath: the path relative to the dataset folder, used in messages.
    ///   - recordElement: the qualified record element when known; `nil` to detect it.
    ///   - namespaces: prefixes to namespace URIs, as in the sources file.
    ///   - sampleRecords: how many records to look at.
    /// - Returns: the record element and the paths seen, sorted and deduplicated.
    /// - Throws: ``IngestError`` `file-unreadable`; `malformed-xml` when detection meets an error before any child
    ///   of the root; `xml-namespace-unmapped` for an element or attribute in a
    ///   namespace with no prefix in `namespaces`; `xml-record-element-undetected` when the root has no child
    ///   element; `sources-file-unknown-namespace-prefix` for a given record element with an unknown prefix.
    /// - Complexity: O(nodes up to the end of the sampled records).
    static func discoverFieldPaths(
        path: String, displayPath: String, recordElement: String?, namespaces: [String: String], sampleRecords: Int
    ) throws(IngestError) -> (recordElement: String, paths: [String]) {
        var prefixes: [String: String] = [:]
        for (prefix, uri) in namespaces.sorted(by: { $0.key < $1.key }) where prefixes[uri] == nil {
            prefixes[uri] = prefix
        }
        let naming = XMLNaming(prefixes: prefixes, displayPath: displayPath)
        let element: String
        if let recordElement {
            element = recordElement
        } else {
            element = try detectRecordElement(path: path, displayPath: displayPath, naming: naming)
        }
        let recordName = try XMLName.resolve(element[...], namespaces: namespaces, path: element)
        let reader = try XMLTextReader(path: path, displayPath: displayPath)
        var paths = Set<String>()
        var sampled = 0
        var recordDepth: Int32 = -1
        var open: [(path: String, hasElements: Bool)] = []
        while sampled < sampleRecords, reader.read() == 1 {
            let type = reader.nodeType
            if recordDepth < 0 {
                guard type == XMLNodeType.element,
                    recordName.matches(localName: reader.localName, namespaceURI: reader.namespaceURI)
                else { continue }
                recordDepth = reader.depth
                for attribute in reader.attributes {
                    paths.insert("@" + (try naming.name(attribute.pointee.name, attribute.pointee.ns?.pointee.href)))
                }
                if reader.isEmptyElement {
                    recordDepth = -1
                    sampled += 1
                }
                continue
            }
            if type == XMLNodeType.element {
                let name = try naming.name(reader.localName, reader.namespaceURI)
                let elementPath = open.last.map { $0.path + "/" + name } ?? name
                if !open.isEmpty { open[open.count - 1].hasElements = true }
                for attribute in reader.attributes {
                    paths.insert(
                        elementPath + "/@"
                            + (try naming.name(attribute.pointee.name, attribute.pointee.ns?.pointee.href))
                    )
                }
                if reader.isEmptyElement {
                    paths.insert(elementPath)
                } else {
                    open.append((elementPath, false))
                }
            } else if type == XMLNodeType.endElement {
                if reader.depth == recordDepth {
                    recordDepth = -1
                    sampled += 1
                    open.removeAll()
                } else if let last = open.popLast(), !last.hasElements {
                    paths.insert(last.path)
                }
            }
        }
        return (element, paths.sorted())
    }

    /// The qualified name of the first repeated child of the root (or of its first child).
    private static func detectRecordElement(
        path: String, displayPath: String, naming: XMLNaming
    ) throws(IngestError) -> String {
        let reader = try XMLTextReader(path: path, displayPath: displayPath)
        var seen: [String] = []
        while true {
            let status = reader.read()
            if status < 0, seen.isEmpty {
                let problem =
                    reader.fatal ?? XMLTextReader.Problem(message: "libxml2 stopped reading", line: reader.line)
                throw IngestError(
                    code: .malformedXML,
                    message: "malformed XML before the first record: \(problem.message)",
                    file: displayPath, line: problem.line
                )
            }
            guard status == 1 else { break }
            guard reader.nodeType == XMLNodeType.element, reader.depth == 1 else { continue }
            let name = try naming.name(reader.localName, reader.namespaceURI)
            if seen.contains(name) { return name }
            seen.append(name)
        }
        guard let first = seen.first else {
            throw IngestError(
                code: .xmlRecordElementUndetected,
                message: "the root element has no child element to read as records; set `xml.record` in the "
                    + "sources file",
                file: displayPath
            )
        }
        return first
    }
}

/// Writes libxml2 names as path steps with the sources file's prefixes.
struct XMLNaming {
    /// Namespace URI to the prefix used in paths.
    let prefixes: [String: String]
    let displayPath: String

    /// `prefix:local`, or `local` for a name in no namespace.
    ///
    /// - Throws: ``IngestError`` `xml-namespace-unmapped` when the namespace has no prefix.
    func name(_ localName: UnsafePointer<UInt8>?, _ namespaceURI: UnsafePointer<UInt8>?) throws(IngestError) -> String {
        let local = localName.map { String(cString: $0) } ?? ""
        guard let namespaceURI else { return local }
        let uri = String(cString: namespaceURI)
        guard let prefix = prefixes[uri] else {
            throw IngestError(
                code: .xmlNamespaceUnmapped,
                message:
                    "`\(TextFolding.shortened(local))` is in the namespace \(TextFolding.quoted(uri)), which has no "
                    + "prefix: add one under `xml.namespaces` in the sources file (for example "
                    + "`nw: \(TextFolding.quoted(uri))`)",
                file: displayPath
            )
        }
        return prefix + ":" + local
    }
}
