internal import Foundation
internal import NoticeWatchModel

/// Decides whether the report in place counts as a previous run for "Changes since the previous run".
///
/// A rerun on the same inputs with the same options is the same run: its report must be byte-identical to the
/// first one's (and to the committed sample report), so the section is left out. A previous report whose
/// `manifest.json` cannot be read is compared all the same; the report writer decides what it can use.
enum PreviousRun {
    /// `folder` when its run differs from this one in its inputs or options, else `nil`.
    static func comparable(
        folder: String?, inputs: [InputFile], sourcesFileSHA256: String?, options: [String]
    ) -> String? {
        guard let folder else { return nil }
        guard let data = FileManager.default.contents(atPath: folder + "/manifest.json"),
            let manifest = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            let previousInputs = manifest["inputs"] as? [[String: Any]],
            let previousOptions = (manifest["options"] as? [String: Any])?["run"] as? [String]
        else { return folder }
        let previousHashes = previousInputs.compactMap { entry -> String? in
            guard let path = entry["path"] as? String, let hash = entry["sha256"] as? String else { return nil }
            return path + " " + hash
        }
        .sorted()
        let hashes = inputs.map { $0.path + " " + $0.sha256 }.sorted()
        let previousSourcesFile = manifest["sources_file_sha256"] as? String
        let same =
            previousHashes == hashes && previousSourcesFile == sourcesFileSHA256
            && previousOptions.sorted() == options.sorted()
        return same ? nil : folder
    }

    /// Whether the report in `folder` was written with `--no-records-database` (its manifest says so and it has
    /// no `records.sqlite`): the changes since it cannot be listed, and that is no fault of the report.
    static func leftOutRecordsDatabase(folder: String) -> Bool {
        guard !FileManager.default.fileExists(atPath: folder + "/records.sqlite"),
            let data = FileManager.default.contents(atPath: folder + "/manifest.json"),
            let manifest = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            let options = (manifest["options"] as? [String: Any])?["run"] as? [String]
        else { return false }
        return options.contains("records_database=false")
    }
}
