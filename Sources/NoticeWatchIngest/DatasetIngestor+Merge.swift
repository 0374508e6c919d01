import NoticeWatchModel

extension DatasetIngestor {
    /// Merges the files' partial results in task order (sources in order, files by path, rows in file order)
    /// and builds the accounting.
    ///
    /// When some records were spilled (``FilePartial/spill(to:)``), that kind is merged from runs into a store in
    /// `folder` (``ExternalMerge``), the records still in memory spilled first; otherwise in memory.
    ///
    /// - Throws: `spill-failed` when spilled records cannot be written.
    /// - Complexity: O(n log n) in the records, for the sorts by id (O(n) for records already in id order).
    static func merge(specs: [SourceSpec], partials: [FilePartial], folder: SpillFolder?) throws(IngestError)
        -> IngestResult
    {
        var partials = partials
        // Spilled kinds are merged from disk, notices and complaints at once; the records of that kind still in
        // memory are spilled first, so that one merge sees them all.
        var spilledNotices: [ExternalMerge<Notice>.Source]?
        var spilledComplaints: [ExternalMerge<Complaint>.Source]?
        if let folder {
            if partials.contains(where: { !$0.spilledNotices.isEmpty }) {
                spilledNotices = []
                for index in partials.indices {
                    if !partials[index].notices.isEmpty {
                        partials[index].spilledNotices.append(try SpillRun.write(partials[index].notices, to: folder))
                        partials[index].notices = []
                    }
                    spilledNotices? += partials[index].spilledNotices.map { .init(file: index, run: $0) }
                }
            }
            if partials.contains(where: { !$0.spilledComplaints.isEmpty }) {
                spilledComplaints = []
                for index in partials.indices {
                    if !partials[index].complaints.isEmpty {
                        partials[index].spilledComplaints.append(
                            try SpillRun.write(partials[index].complaints, to: folder))
                        partials[index].complaints = []
                    }
                    spilledComplaints? += partials[index].spilledComplaints.map { .init(file: index, run: $0) }
                }
            }
        }
        let (inMemory, files) = (partials, partials.count)
        let series = CaptureSeries(
            files: partials.map { partial in
                let prepared = partial.prepared
                guard prepared.kind == .notice else { return nil }
                return CaptureSeries.NoticeFile(
                    path: prepared.task.relativePath, snapshotDate: prepared.task.spec.snapshotDate,
                    mapsStatus: prepared.fields.contains { $0.field == .status }, mapsFields: !prepared.fields.isEmpty,
                    readsEntityID: prepared.fields.contains {
                        $0.field == .id && $0.from.map(MappingInference.pathKey) == "entityid"
                    })
            })
        let captureOfFile = series?.captureOfFile
        let (noticeRuns, complaintRuns) = (spilledNotices, spilledComplaints)
        let (notices, complaints) = try ConcurrentMap.both(
            { () throws(IngestError) in
                var noticeMerger = RecordMerger.notices
                if let captureOfFile {
                    noticeMerger.captureOfFile = captureOfFile
                    noticeMerger.listCountry = { notice in
                        notice.requestingCountry.member.map { ($0, false) } ?? (notice.nationalities.first, true)
                    }
                }
                guard let folder, let sources = noticeRuns else {
                    return noticeMerger.merge(inMemory.map(\.notices))
                }
                return try ExternalMerge(merger: noticeMerger, folder: folder).merge(sources, fileCount: files)
            },
            { () throws(IngestError) in
                guard let folder, let sources = complaintRuns else {
                    return RecordMerger.complaints.merge(inMemory.map(\.complaints))
                }
                return try ExternalMerge(merger: .complaints, folder: folder).merge(sources, fileCount: files)
            })
        var accounting: [Int: SourceAccounting] = [:]
        var quarantine: [QuarantinedRow] = []
        var valuesNotUnderstood: [ValueNotUnderstood] = []
        var mappings: [String: [FieldSpec]] = [:]
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
                if let notRead = partial.prepared.choices.first(where: { $0.hasPrefix("not read: ") }) {
                    entry.mapping = ["none: " + notRead]
                }
            }
            entry.read += partial.read
            entry.quarantined += partial.quarantine.count
            entry.withValuesNotUnderstood += partial.flagged
            let merged = notices.merged[index] + complaints.merged[index]
            entry.kept += partial.noticeCount + partial.complaintCount - merged
            entry.merged += merged
            entry.exactRepeats += notices.exactRepeats[index] + complaints.exactRepeats[index]
            accounting[task.sourceIndex] = entry
            quarantine.append(contentsOf: partial.quarantine)
            valuesNotUnderstood.append(contentsOf: partial.valuesNotUnderstood)
            if mappings[spec.name] == nil { mappings[spec.name] = partial.prepared.fields }
            inputFiles.append(
                InputFile(
                    source: spec.name, path: task.relativePath, size: partial.prepared.scan.size,
                    sha256: partial.prepared.scan.sha256 ?? "", rowsRead: partial.read,
                    readerChoices: partial.choices.sorted()))
        }
        let sources = specs.indices.compactMap { accounting[$0] }
        let values = ValueTally.combined(valuesNotUnderstood)
        var suggestions: [MappingSuggestion] = []
        for (source, entries) in Dictionary(grouping: values, by: \.source).sorted(by: { $0.key < $1.key }) {
            suggestions += MappingSuggester.suggestions(
                source: source, fields: mappings[source] ?? [], values: entries)
        }
        var result = IngestResult(
            notices: notices.records, complaints: complaints.records, quarantine: quarantine.sorted(),
            valuesNotUnderstood: values, mappingSuggestions: suggestions,
            conflicts: (notices.conflicts + complaints.conflicts).sorted(), sources: sources.sorted(),
            inputFiles: inputFiles.sorted(), sourcesFileSHA256: nil)
        let warrantFields: Set<NormalizedField> = [.warrants, .charge, .chargeTranslation]
        result.mapsWarrants = partials.contains { $0.prepared.fields.contains { warrantFields.contains($0.field) } }
        if let series {
            // A list page gives the service's own total: the coverage check compares the capture with it.
            let headers = zip(partials, series.captureOfFile).map { partial, capture in
                capture != nil && partial.prepared.task.format == .json
                    ? ListPageHeader(prefix: partial.prepared.scan.prefix) : nil
            }
            result.captures = series.captures(presences: notices.presences, pageHeaders: headers)
            result.capturesDatedByAsOf = series.isDatedByAsOf
            result.presences = notices.presences
        }
        return result
    }
}
