import NoticeWatchModel

/// Builds `manifest.json`: the inputs, counts, options, tool version and every other output with its hash.
enum Manifest {
    /// The manifest's format version, incremented when a key changes meaning.
    static let formatVersion = 1

    /// The manifest of a run whose other outputs are `outputs` (sorted by path here).
    static func build(_ input: ReportInput, outputs: [OutputFile]) -> JSONValue {
        let ingest = input.ingest
        let options = input.figures.options
        let inputs = ingest.inputFiles.sorted().map { file in
            JSONValue.object([
                ("path", .string(file.path)), ("source", .string(file.source)), ("size", .integer(file.size)),
                ("sha256", .string(file.sha256)), ("rows", .integer(file.rowsRead)),
                ("reader_choices", .array(file.readerChoices.map(JSONValue.string))),
            ])
        }
        let sources = ingest.sources.sorted {
            ($0.source, $0.recordKind.rawValue) < ($1.source, $1.recordKind.rawValue)
        }
        .map { source in
            JSONValue.object([
                ("source", .string(source.source)), ("record_kind", .string(source.recordKind.rawValue)),
                ("read", .integer(source.read)), ("kept", .integer(source.kept)), ("merged", .integer(source.merged)),
                ("exact_repeats", .integer(source.exactRepeats)), ("quarantined", .integer(source.quarantined)),
                ("balances", .bool(source.balances)),
                ("with_values_not_understood", .integer(source.withValuesNotUnderstood)),
                ("mapping", .array(source.mapping.map(JSONValue.string))),
            ])
        }
        let analysis = JSONValue.object([
            ("as_of", .string(options.asOf.description)), ("as_of_origin", .string(options.asOfOrigin)),
            ("minimum_decisions", .integer(options.minimumDecisions)),
            ("partial_counts_as_overturned", .bool(options.partialCountsAsOverturned)),
            ("top_countries", .integer(options.topCountries)),
            ("confidence_level", .number(FixedDecimal.format(options.confidenceLevel, decimals: 4))),
            ("survival_interval", .string(options.survivalInterval.rawValue)),
        ])
        let counts = JSONValue.object([
            ("notices", .integer(ingest.notices.count)), ("complaints", .integer(ingest.complaints.count)),
            ("quarantined", .integer(ingest.quarantine.count)), ("conflicts", .integer(ingest.conflicts.count)),
            ("rows_read", .integer(ingest.sources.reduce(0) { $0 + $1.read })),
            ("input_files", .integer(ingest.inputFiles.count)),
        ])
        let files = outputs.sorted { $0.path < $1.path }.map { file in
            JSONValue.object([
                ("path", .string(file.path)), ("size", .integer(file.size)), ("sha256", .string(file.sha256)),
            ])
        }
        var fields: [(String, JSONValue)] = [
            ("format_version", .integer(formatVersion)),
            ("tool", .object([("name", .string("noticewatch")), ("version", .string(input.provenance.toolVersion))])),
            ("dataset_path", .string(input.provenance.datasetPath)),
            ("sources_file_sha256", ingest.sourcesFileSHA256.map(JSONValue.string) ?? .null),
            ("inputs", .array(inputs)),
        ]
        // Only when there is one, so that a manifest of a folder with none keeps its bytes.
        if !ingest.notRead.isEmpty {
            let notRead = ingest.notRead.sorted().map {
                JSONValue.object([("path", .string($0.path)), ("reason", .string($0.reason))])
            }
            fields.append(("not_read", .array(notRead)))
        }
        fields += [
            ("sources", .array(sources)),
            ("counts", counts),
            (
                "options",
                .object([
                    ("analysis", analysis), ("run", .array(input.provenance.options.sorted().map(JSONValue.string))),
                ])
            ),
            ("outputs", .array(files)),
        ]
        return .object(fields)
    }
}
