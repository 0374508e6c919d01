import NoticeWatchModel

extension DatasetIngestor {
    /// Merges the files' partial results in task order (sources in order, files by path, rows in file order)
    /// and builds the accounting.
    ///
    /// - Complexity: O(n log n) in the records, for the sorts by id (O(n) for records already in id order).
    static func merge(specs: [SourceSpec], partials: [FilePartial]) -> IngestResult {
        let notices = RecordMerger.notices.merge(partials.map(\.notices))
        let complaints = RecordMerger.complaints.merge(partials.map(\.complaints))
        var accounting: [Int: SourceAccounting] = [:]
        var quarantine: [QuarantinedRow] = []
        var inputFiles: [InputFile] = []
        for (index, partial) in partials.enumerated() {
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
            let merged = notices.merged[index] + complaints.merged[index]
            entry.kept += partial.notices.count + partial.complaints.count - merged
            entry.merged += merged
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
            notices: RecordList(notices.records), complaints: RecordList(complaints.records),
            quarantine: quarantine.sorted(),
            conflicts: (notices.conflicts + complaints.conflicts).sorted(), sources: sources.sorted(),
            inputFiles: inputFiles.sorted(), sourcesFileSHA256: nil)
    }
}
