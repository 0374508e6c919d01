import NoticeWatchModel
import Yams

/// Reads `sources.yml` with Yams' node API, so every mistake is reported with its line and column.
///
/// Errors have codes `sources-file-syntax`, `-unknown-key`, `-wrong-type`, `-missing-key`, `-unknown-value`,
/// `-unknown-field`, `-bad-date-format`, `-bad-date`, `-duplicate-name`, `-missing-field` and `-unsupported-version`. A field
/// mapped to a CSV column that is not in the header is checked later, when the header is read
/// (`sources-file-unknown-column`).
struct SourcesFileParser {
    /// The sources file's name as errors show it (relative to the dataset folder).
    let displayPath: String

    /// The sources in file order.
    ///
    /// - Throws: a `sources-file-…` ``IngestError`` for the first mistake in the file.
    func parse(_ text: String) throws(IngestError) -> [SourceSpec] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error)
        } catch {
            throw IngestError(code: .sourcesFileSyntax, message: "\(error)", file: displayPath)
        }
        guard let root else { throw failure(.sourcesFileMissingKey, "the file is empty: expected `sources:`", nil) }
        let top = try mapping(root, "the top level")
        try checkKeys(top, allowed: ["version", "sources"], in: "the top level")
        if let version = value(top, "version") {
            guard version.int == 1 else {
                throw failure(
                    .sourcesFileUnsupportedVersion, "unsupported version \(version.string ?? "?") (expected 1)",
                    version)
            }
        }
        guard let sourcesNode = value(top, "sources") else {
            throw failure(.sourcesFileMissingKey, "missing key \"sources\"", root)
        }
        guard let list = sourcesNode.sequence else {
            throw failure(.sourcesFileWrongType, "\"sources\" must be a list of sources", sourcesNode)
        }
        var specs: [SourceSpec] = []
        var seen: [String: Int] = [:]
        for item in list {
            let spec = try parseSource(item)
            if let first = seen[spec.name] {
                throw failure(
                    .sourcesFileDuplicateName,
                    "duplicate source name \(TextFolding.quoted(spec.name)) (first used on line \(first))",
                    value(try mapping(item, "a source"), "name"))
            }
            seen[spec.name] = item.mark?.line ?? 0
            specs.append(spec)
        }
        return specs
    }

    private func parseSource(_ node: Node) throws(IngestError) -> SourceSpec {
        let map = try mapping(node, "a source")
        try checkKeys(
            map,
            allowed: ["name", "path", "sheet", "format", "record", "snapshot_date", "csv", "json", "xml", "fields"],
            in: "a source")
        let name = try requiredString(map, "name", node)
        let pathNode = try requiredNode(map, "path", node)
        let path = try string(pathNode, "path")
        var spec = SourceSpec(name: name, path: path, pathMark: mark(pathNode))
        if let formatNode = value(map, "format") {
            let text = try string(formatNode, "format")
            guard let format = SourceFormat(rawValue: text.lowercased()) else {
                throw failure(
                    .sourcesFileUnknownValue,
                    "unknown format \(TextFolding.quoted(text)) (expected one of: csv, json, ndjson, xml, xlsx, ods)",
                    formatNode)
            }
            spec.format = format
        }
        if let sheetNode = value(map, "sheet") {
            spec.sheet = try string(sheetNode, "sheet")
            spec.sheetMark = mark(sheetNode)
        }
        let recordNode = try requiredNode(map, "record", node)
        let recordText = try string(recordNode, "record")
        guard let record = RecordKind(rawValue: recordText.lowercased()) else {
            throw failure(
                .sourcesFileUnknownValue,
                "unknown record \(TextFolding.quoted(recordText)) (expected one of: notice, complaint)", recordNode)
        }
        spec.record = record
        if let dateNode = value(map, "snapshot_date") { spec.snapshotDate = try snapshotDate(dateNode) }
        if let csvNode = value(map, "csv") { spec.csv = try parseCSV(csvNode) }
        if let jsonNode = value(map, "json") {
            let json = try mapping(jsonNode, "json")
            try checkKeys(json, allowed: ["records"], in: "json")
            if let records = value(json, "records") { spec.jsonRecords = try string(records, "records") }
        }
        if let xmlNode = value(map, "xml") {
            let xml = try mapping(xmlNode, "xml")
            try checkKeys(xml, allowed: ["record", "namespaces"], in: "xml")
            if let recordElement = value(xml, "record") { spec.xmlRecord = try string(recordElement, "record") }
            if let namespacesNode = value(xml, "namespaces") {
                for (key, uri) in try mapping(namespacesNode, "namespaces") {
                    spec.xmlNamespaces[try string(key, "a namespace prefix")] = try string(uri, "a namespace URI")
                }
            }
        }
        let fieldsNode = try requiredNode(map, "fields", node)
        spec.fields = try parseFields(fieldsNode, record: record)
        for field in NormalizedField.fields(of: record)
        where field.isRequired(for: record) && spec.spec(for: field) == nil {
            throw failure(
                .sourcesFileMissingField,
                "source \(TextFolding.quoted(name)) does not map the required field \"\(field.rawValue)\"", fieldsNode)
        }
        return spec
    }

    private func parseCSV(_ node: Node) throws(IngestError) -> CSVOptions {
        let map = try mapping(node, "csv")
        try checkKeys(map, allowed: ["delimiter", "quote", "encoding", "header"], in: "csv")
        var options = CSVOptions()
        if let delimiter = value(map, "delimiter") { options.delimiter = try singleByte(delimiter, "delimiter") }
        if let quote = value(map, "quote") { options.quote = try singleByte(quote, "quote") }
        if let encodingNode = value(map, "encoding") {
            let text = try string(encodingNode, "encoding")
            guard let parsed = TextEncoding.parse(text) else {
                throw failure(
                    .sourcesFileUnknownValue,
                    "unknown encoding \(TextFolding.quoted(text)) (expected one of: \(TextEncoding.acceptedNames))",
                    encodingNode)
            }
            options.encoding = parsed.encoding
            options.utf16ByteOrderFromBOM = parsed.byteOrderFromBOM
        }
        if let header = value(map, "header") {
            guard header.scalar != nil, let flag = header.bool else {
                throw failure(.sourcesFileWrongType, "\"header\" must be true or false", header)
            }
            options.header = flag
        }
        return options
    }

    private func singleByte(_ node: Node, _ key: String) throws(IngestError) -> UInt8 {
        let text = try string(node, key)
        let bytes = text == "\\t" ? [0x09] : Array(text.utf8)
        guard bytes.count == 1, bytes[0] != 0x0A, bytes[0] != 0x0D else {
            throw failure(
                .sourcesFileWrongType, "\"\(key)\" must be one ASCII character, found \(TextFolding.quoted(text))",
                node)
        }
        return bytes[0]
    }
}
