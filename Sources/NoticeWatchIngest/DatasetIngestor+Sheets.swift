import NoticeWatchModel

extension DatasetIngestor {
    /// Without a sources file, one inferred source per sheet of a workbook, named `file!sheet`; other sources,
    /// and a workbook that cannot be opened (it is then listed as not read, with why), as they are.
    func sheetSources(_ spec: SourceSpec) -> [SourceSpec] {
        guard let format = spec.format, format.isWorkbook,
            let workbook = try? Workbook(path: directory + "/" + spec.path, format: format)
        else { return [spec] }
        return workbook.sheets.map { sheet in
            var one = spec
            one.name = spec.path + "!" + sheet.name
            one.sheet = sheet.name
            return one
        }
    }

    /// The tasks for one workbook file of a source: one per sheet its `sheet:` names or matches (every sheet
    /// without one), each with the path `file!sheet`; one task, refused, for a workbook that cannot be read.
    ///
    /// - Throws: `sources-file-unknown-sheet`, at the `sheet:` key, when the pattern matches no sheet.
    func sheetTasks(
        spec: SourceSpec, index: Int, file: String, format: SourceFormat
    ) throws(IngestError) -> [FileTask] {
        var task = FileTask(
            sourceIndex: index, spec: spec, relativePath: file, absolutePath: directory + "/" + file, format: format,
            sourcesFile: DatasetIngestor.sourcesFileName)
        let workbook: Workbook
        do {
            workbook = try Workbook(path: task.absolutePath, format: format)
        } catch {
            task.refusal = error
            return [task]
        }
        let names = workbook.sheets.map(\.name)
        var chosen = names
        if let pattern = spec.sheet {
            chosen = names.filter { spec.inferred ? $0 == pattern : DatasetFiles.matches(pattern: pattern, path: $0) }
            if chosen.isEmpty {
                throw IngestError(
                    code: .sourcesFileUnknownSheet,
                    message: "source \(TextFolding.quoted(spec.name)): sheet \(TextFolding.quoted(pattern)) matches "
                        + "no sheet of \(file) (its sheets: \(names.map(TextFolding.quoted).joined(separator: ", ")))",
                    file: DatasetIngestor.sourcesFileName, line: spec.sheetMark?.line, column: spec.sheetMark?.column)
            }
        }
        return chosen.map { sheet in
            var one = task
            one.sheet = sheet
            one.relativePath = file + "!" + sheet
            return one
        }
    }
}
