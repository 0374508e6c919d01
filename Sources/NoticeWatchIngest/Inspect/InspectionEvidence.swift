import NoticeWatchModel

/// Why a file's kind, a field's column and a date field's format are what they are, in words: what
/// `noticewatch inspect` prints beside each choice and `noticewatch init` writes as its comment.
enum InspectionEvidence {
    /// Why the record kind.
    static func kind(_ kind: RecordKind, fields: [FieldSpec], inferred: Bool, empty: Bool) -> String {
        guard inferred else { return "set in sources.yml" }
        if empty { return "nothing to infer from: the file has no record" }
        if isPublicService(fields) {
            return "inferred: the records of Interpol's public notices service (entity_id and its keys)"
        }
        let mapped = fields.map(\.field)
        switch kind {
        case .complaint:
            let only = mapped.filter { MappingInference.complaintOnly.contains($0) }.map(\.rawValue)
            return "inferred: a complaint's id and requesting country"
                + (only.isEmpty ? "" : ", and \(only.joined(separator: ", ")), which only a complaint has")
        case .notice:
            return "inferred: a notice's id" + (mapped.contains(.requestingCountry) ? " and requesting country" : "")
        }
    }

    /// Why a field is read from its column.
    static func field(_ spec: FieldSpec, kind: RecordKind, inferred: Bool) -> String {
        if spec.constant != nil { return inferred ? "a constant" : "a constant set in sources.yml" }
        guard inferred, let from = spec.from else { return "set in sources.yml" }
        if MappingInference.field(for: from, kind: kind) == spec.field {
            return "name words: " + words(from)
        }
        let last = MappingInference.lastStep(from)
        if last != from, MappingInference.field(for: last, kind: kind) == spec.field {
            return "last step \(TextFolding.quoted(last)), words: " + words(last)
        }
        if isPublicService([spec]) || PublicServiceShape.rootKey(from) == "entityid" {
            return "the public notices service's key"
        }
        switch spec.field {
        case .kind: return "the public notices service's link, whose path names the kind"
        case .requestingCountry: return "the first arrest warrant's issuing country (the public notices service)"
        case .nationalities, .warrants: return "the public notices service's key"
        default: return "inferred from the names"
        }
    }

    /// The words of a name that carry meaning (`date, reception` for `Date de réception`).
    static func words(_ name: String) -> String {
        HeaderWords.words(name).filter { !HeaderWords.stopWords.contains($0) }.joined(separator: ", ")
    }

    /// Why a date field's format: set, or detected with the share of values it parses.
    static func date(
        _ spec: FieldSpec, used: [DateFormat], understood: Int, present: Int, inferred: Bool,
        ambiguous: (DateFormat, DateFormat)?
    ) -> String {
        if !spec.formats.isEmpty {
            if spec.formats == [.idYear] && inferred {
                return "the year of the notice id (the public notices service publishes no issue date)"
            }
            return "set in sources.yml"
        }
        if let (first, second) = ambiguous {
            return "ambiguous: every value fits both \(first) and \(second), and a run stops until `format:` names one"
        }
        guard let format = used.first else {
            return present == 0 ? "no value to detect a format from" : "no format fits the values read"
        }
        return "detected: \(percent(understood, of: present)) of \(values(present)) "
            + (present == 1 ? "parses" : "parse") + " as \(format)"
    }

    /// `97%`, rounded down, except that a share above 0 is at least `<1%` and below the whole at most `99%`.
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "0%" }
        let value = part * 100 / whole
        if value == 0 && part > 0 { return "<1%" }
        return "\(value)%"
    }

    /// `1 value`, `1,234 values`.
    static func values(_ count: Int) -> String { count == 1 ? "1 value" : "\(grouped(count)) values" }

    /// `1,234`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }

    /// Whether the mapping is the public notices service's (the issue date is the year of the id).
    static func isPublicService(_ fields: [FieldSpec]) -> Bool {
        fields.contains { $0.field == .issueDate && $0.formats == [.idYear] }
    }
}
