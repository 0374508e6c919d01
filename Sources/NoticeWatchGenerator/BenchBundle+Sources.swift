import NoticeWatchModel

extension BenchBundle {
    /// Where one notice format keeps each field, for its `sources.yml`.
    private struct NoticePaths {
        var name: String
        var path: String
        var format: String
        /// The format's own section (`csv:` or `xml:`), already indented, or empty.
        var readerSection: String
        var id: String
        var country: String
        var issueDate: String
        var dateFormat: String
        var status: String
        var cancellationDate: String
        var cancellationReason: String
    }

    /// `csv/sources.yml`: the notices CSV and the complaints CSV.
    static var csvSources: String {
        sourcesFile(
            NoticePaths(
                name: "bench-notices-csv", path: "notices.csv", format: "csv", readerSection: csvSection, id: "id",
                country: "country", issueDate: "issue_date", dateFormat: "yyyy-MM-dd", status: "status",
                cancellationDate: "cancellation_date", cancellationReason: "cancellation_reason"))
    }

    /// `ndjson/sources.yml`: the public-service-shaped notices, one per line, and the complaints CSV.
    static var ndjsonSources: String {
        sourcesFile(
            NoticePaths(
                name: "bench-notices-ndjson", path: "notices.ndjson", format: "ndjson", readerSection: "",
                id: "entity_id", country: "arrest_warrants[0].issuing_country_id", issueDate: "date_of_issue",
                dateFormat: "yyyy/MM/dd", status: "status", cancellationDate: "cancellation.date",
                cancellationReason: "cancellation.reason"))
    }

    /// `xml/sources.yml`: the flat notices export and the complaints CSV.
    static var xmlSources: String {
        sourcesFile(
            NoticePaths(
                name: "bench-notices-xml", path: "notices.xml", format: "xml",
                readerSection: "    xml:\n      record: notice\n", id: "id", country: "country", issueDate: "issued",
                dateFormat: "yyyy-MM-dd", status: "status", cancellationDate: "cancelled",
                cancellationReason: "reason"))
    }

    private static let csvSection = """
            csv:
              delimiter: ","
              quote: '"'
              encoding: utf-8
              header: true

        """

    /// The whole file: the notice source of `paths`, then the complaints source.
    private static func sourcesFile(_ paths: NoticePaths) -> String {
        var yaml =
            "# A benchmark bundle: clean, large, every choice set. EXPECTED.md (one folder up) holds its figures.\n"
        yaml += "version: 1\nsources:\n"
        yaml += "  - name: \(paths.name)\n    path: \(paths.path)\n    format: \(paths.format)\n    record: notice\n"
        yaml += paths.readerSection
        yaml += "    fields:\n      id: \(paths.id)\n      kind:\n        from: kind\n"
        yaml += vocabulary(NoticeKind.allCases.map(\.rawValue))
        yaml += "      requesting_country: \(paths.country)\n"
        yaml += "      issue_date:\n        from: \(paths.issueDate)\n        format: \(paths.dateFormat)\n"
        yaml += "      status:\n        from: \(paths.status)\n"
        yaml += vocabulary(NoticeStatus.allCases.map(\.rawValue))
        yaml +=
            "      cancellation_date:\n        from: \(paths.cancellationDate)\n        format: \(paths.dateFormat)\n"
        yaml += "      cancellation_reason:\n        from: \(paths.cancellationReason)\n"
        yaml += vocabulary(CancellationReason.allCases.map(\.rawValue))
        yaml += "  - name: bench-complaints\n    path: complaints.csv\n    format: csv\n    record: complaint\n"
        yaml += csvSection
        yaml += "    fields:\n      id: id\n      notice_id: notice_id\n      requesting_country: country\n"
        yaml += "      filed_date:\n        from: filed_date\n        format: yyyy-MM-dd\n"
        yaml += "      decision_date:\n        from: decision_date\n        format: yyyy-MM-dd\n"
        yaml += "      outcome:\n        from: outcome\n"
        yaml += vocabulary(Outcome.allCases.map(\.rawValue))
        return yaml
    }

    /// A `values:` block mapping each category name to itself, so nothing rests on the built-in vocabulary.
    private static func vocabulary(_ categories: [String]) -> String {
        SampleBundle.values(categories.map { ($0, $0) }, indent: 8)
    }
}
