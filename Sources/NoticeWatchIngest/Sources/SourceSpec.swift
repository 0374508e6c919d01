import NoticeWatchModel

/// One source: a path or glob, its format and record kind, reader options and field mapping.
struct SourceSpec: Hashable, Sendable {
    var name: String
    /// A path relative to the dataset folder, or a glob (`api_pages/*.json`).
    var path: String
    var pathMark: SourcesFileMark?
    /// `nil`: from each file's extension.
    var format: SourceFormat?
    /// `nil` only for an inferred source until its header is read.
    var record: RecordKind?
    var csv = CSVOptions()
    /// JSON: where the records are (`""` top-level array, `_embedded.notices`); `nil` to detect.
    var jsonRecords: String?
    var xmlRecord: String?
    var xmlNamespaces: [String: String] = [:]
    /// The mapped fields, in ``NormalizedField`` order.
    var fields: [FieldSpec] = []
    /// Whether the mapping is to be inferred from the file's header names or keys.
    var inferred = false

    /// The field spec for `field`, if mapped.
    func spec(for field: NormalizedField) -> FieldSpec? { fields.first { $0.field == field } }

    /// The mapping as the accounting lists it: `requesting_country <- "Country"`, `kind = red-notice`.
    var mappingDescription: [String] {
        fields.map { spec in
            if let constant = spec.constant { return "\(spec.field.rawValue) = \(constant)" }
            var text = "\(spec.field.rawValue) <- \(TextFolding.quoted(spec.from ?? ""))"
            if !spec.formats.isEmpty { text += " (format: \(spec.formats.map(\.description).joined(separator: ", ")))" }
            return text
        }
    }
}
