import NoticeWatchModel

extension DatasetIngestor {
    /// `records` sorted by id (ids are unique after merging), moving each record once.
    ///
    /// - Complexity: O(n log n).
    static func sortedByID<Record>(_ records: [Record], _ id: KeyPath<Record, String>) -> [Record] {
        let ids = records.map { $0[keyPath: id] }
        return ids.indices.sorted { ids[$0] < ids[$1] }.map { records[$0] }
    }

    /// Merges the files' partial results in task order (sources in order, files by path, rows in file order)
    /// and builds the accounting.
    ///
    /// - Complexity: O(n log n) in the records, for the final sorts.
    static func merge(specs: [SourceSpec], partials: [FilePartial]) -> IngestResult {
        var merger = RecordMerger()
        let noticeCount = partials.filter { $0.prepared.kind == .notice }.reduce(0) { $0 + $1.records.count }
        let complaintCount = partials.filter { $0.prepared.kind == .complaint }.reduce(0) { $0 + $1.records.count }
        merger.reserve(notices: noticeCount, complaints: complaintCount)
        var accounting: [Int: SourceAccounting] = [:]
        var quarantine: [QuarantinedRow] = []
        var inputFiles: [InputFile] = []
        for partial in partials {
            let task = partial.prepared.task
            let spec = task.spec
            var entry =
                accounting[task.sourceIndex]
                ?? SourceAccounting(
                    source: spec.name, recordKind: partial.prepared.kind, read: 0, kept: 0, merged: 0,
                    quarantined: 0, mapping: [])
            if spec.inferred {
                var inferred = spec
                inferred.fields = partial.prepared.fields
                entry.mapping = inferred.mappingDescription
            }
            entry.read += partial.read
            entry.quarantined += partial.quarantine.count
            for record in partial.records {
                if merger.add(record) { entry.kept += 1 } else { entry.merged += 1 }
            }
            accounting[task.sourceIndex] = entry
            quarantine.append(contentsOf: partial.quarantine)
            inputFiles.append(
                InputFile(
                    source: spec.name, path: task.relativePath, size: partial.prepared.scan.size,
                    sha256: partial.prepared.scan.sha256 ?? "", rowsRead: partial.read,
                    readerChoices: partial.choices.sorted()))
        }
        let sources = specs.indices.compactMap { accounting[$0] }
        return IngestResult(
            notices: sortedByID(merger.notices, \.id), complaints: sortedByID(merger.complaints, \.id),
            quarantine: quarantine.sorted(), conflicts: merger.conflicts.sorted(), sources: sources.sorted(),
            inputFiles: inputFiles.sorted(), sourcesFileSHA256: nil)
    }
}
