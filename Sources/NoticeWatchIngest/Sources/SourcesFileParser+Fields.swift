import NoticeWatchModel
import Yams

extension SourcesFileParser {
    func parseFields(_ node: Node, record: RecordKind) throws(IngestError) -> [FieldSpec] {
        let map = try mapping(node, "fields")
        try checkKeys(map, allowed: nil, in: "fields")
        let allowed = NormalizedField.fields(of: record)
        var specs: [FieldSpec] = []
        for (keyNode, valueNode) in map {
            let key = try string(keyNode, "a field name")
            guard let field = NormalizedField(rawValue: key), allowed.contains(field) else {
                throw failure(
                    .sourcesFileUnknownField,
                    "unknown \(record.rawValue) field \(TextFolding.quoted(key)) (expected one of: "
                        + allowed.map(\.rawValue).joined(separator: ", ") + ")",
                    keyNode)
            }
            var spec = FieldSpec(field: field)
            if valueNode.scalar != nil {
                spec.from = try string(valueNode, key)
                spec.mark = mark(valueNode)
            } else {
                let detail = try mapping(valueNode, key)
                try checkKeys(detail, allowed: ["from", "format", "values", "value"], in: "field \"\(key)\"")
                if let from = value(detail, "from") {
                    spec.from = try string(from, "from")
                    spec.mark = mark(from)
                }
                if let constant = value(detail, "value") {
                    let text = try string(constant, "value")
                    if let categories = field.categories,
                        Vocabulary(field: field, overrides: [:]).category(for: text) == nil
                    {
                        throw unknownCategory(text, field: field, categories: categories, constant)
                    }
                    spec.constant = text
                }
                if let format = value(detail, "format") {
                    guard field.valueKind == .date else {
                        throw failure(
                            .sourcesFileUnknownKey, "\"format\" applies to date fields only, not \"\(key)\"",
                            format)
                    }
                    let items = format.sequence.map { Array($0) } ?? [format]
                    for item in items {
                        let text = try string(item, "format")
                        guard let parsed = DateFormat(text) else {
                            throw failure(
                                .sourcesFileBadDateFormat,
                                "bad date format \(TextFolding.quoted(text)) (use yyyy, MM, dd and separators, "
                                    + "such as dd.MM.yyyy, or iso)",
                                item)
                        }
                        spec.formats.append(parsed)
                    }
                }
                if let valuesNode = value(detail, "values") {
                    spec.values = try parseValues(valuesNode, field: field, key: key)
                }
                if spec.from == nil && spec.constant == nil {
                    throw failure(
                        .sourcesFileMissingKey, "field \"\(key)\" needs \"from\" or \"value\"", valueNode)
                }
            }
            specs.append(spec)
        }
        return specs.sorted { $0.field < $1.field }
    }

    /// The `values:` of a vocabulary field (raw label → category) or of `requesting_country` (raw text → the
    /// code or name of a member country, stored as its alpha-2 code; likewise each entry of `nationalities` and
    /// each warrant's issuing country under `warrants`).
    func parseValues(_ node: Node, field: NormalizedField, key: String) throws(IngestError) -> [String: String] {
        var values: [String: String] = [:]
        if field == .requestingCountry || field == .nationalities || field == .warrants {
            for (label, target) in try mapping(node, "values") {
                let labelText = try string(label, "a raw value")
                let targetText = try string(target, "a member country")
                guard let country = Country(targetText) else {
                    throw failure(
                        .sourcesFileUnknownValue,
                        "\(TextFolding.quoted(targetText)) is not a member country's ISO code or name "
                            + "(requesting_country values map raw text to a member, such as RU or Russia)",
                        target)
                }
                values[labelText] = country.alpha2
            }
            return values
        }
        guard let categories = field.categories else {
            throw failure(
                .sourcesFileUnknownKey,
                "\"values\" applies to vocabulary fields, requesting_country, nationalities and warrants only, not "
                    + "\"\(key)\"",
                node)
        }
        for (label, category) in try mapping(node, "values") {
            let labelText = try string(label, "a raw label")
            let categoryText = try string(category, "a category")
            guard categories.contains(categoryText) else {
                throw unknownCategory(categoryText, field: field, categories: categories, category)
            }
            values[labelText] = categoryText
        }
        return values
    }

    /// A source's `snapshot_date`: an ISO calendar day (`2026-11-01`), the date its files were captured.
    func snapshotDate(_ node: Node) throws(IngestError) -> CivilDate {
        let text = try string(node, "snapshot_date")
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
            let date = CivilDate(year: Int(parts[0])!, month: Int(parts[1])!, day: Int(parts[2])!)
        else {
            throw failure(
                .sourcesFileBadDate,
                "bad snapshot_date \(TextFolding.quoted(text)) (expected a calendar day written yyyy-MM-dd, such "
                    + "as 2026-11-01)",
                node)
        }
        return date
    }

    func unknownCategory(_ text: String, field: NormalizedField, categories: [String], _ node: Node) -> IngestError {
        failure(
            .sourcesFileUnknownValue,
            "unknown \(field.rawValue) category \(TextFolding.quoted(text)) (expected one of: "
                + categories.joined(separator: ", ") + ")",
            node)
    }

    // MARK: Node helpers

    func mark(_ node: Node) -> SourcesFileMark? {
        node.mark.map { SourcesFileMark(line: $0.line, column: $0.column) }
    }

    func failure(_ code: ErrorCode, _ message: String, _ node: Node?) -> IngestError {
        let place = node?.mark
        return IngestError(code: code, message: message, file: displayPath, line: place?.line, column: place?.column)
    }

    func syntaxError(_ error: YamlError) -> IngestError {
        switch error {
        case .scanner(_, let problem, let place, _), .parser(_, let problem, let place, _),
            .composer(_, let problem, let place, _):
            return IngestError(
                code: .sourcesFileSyntax, message: "invalid YAML: \(problem)", file: displayPath, line: place.line,
                column: place.column)
        default:
            return IngestError(code: .sourcesFileSyntax, message: "invalid YAML: \(error)", file: displayPath)
        }
    }

    func mapping(_ node: Node, _ what: String) throws(IngestError) -> Node.Mapping {
        guard let map = node.mapping else {
            throw failure(.sourcesFileWrongType, "\(what) must be a mapping of keys to values", node)
        }
        return map
    }

    func string(_ node: Node, _ what: String) throws(IngestError) -> String {
        guard let scalar = node.scalar else {
            throw failure(.sourcesFileWrongType, "\"\(what)\" must be a single value, not a list or mapping", node)
        }
        return scalar.string
    }

    func value(_ map: Node.Mapping, _ key: String) -> Node? {
        map.first { $0.key.scalar?.string == key }?.value
    }

    func requiredNode(_ map: Node.Mapping, _ key: String, _ owner: Node) throws(IngestError) -> Node {
        guard let node = value(map, key) else {
            throw failure(.sourcesFileMissingKey, "missing key \"\(key)\"", owner)
        }
        return node
    }

    func requiredString(_ map: Node.Mapping, _ key: String, _ owner: Node) throws(IngestError) -> String {
        try string(try requiredNode(map, key, owner), key)
    }

    func checkKeys(_ map: Node.Mapping, allowed: [String]?, in context: String) throws(IngestError) {
        var seen: Set<String> = []
        for (key, _) in map {
            let name = key.scalar?.string ?? "?"
            if let allowed, !allowed.contains(name) {
                throw failure(
                    .sourcesFileUnknownKey,
                    "unknown key \(TextFolding.quoted(name)) in \(context) (expected one of: "
                        + allowed.joined(separator: ", ") + ")",
                    key)
            }
            guard seen.insert(name).inserted else {
                throw failure(
                    .sourcesFileDuplicateKey, "key \(TextFolding.quoted(name)) appears twice in \(context)", key)
            }
        }
    }
}
