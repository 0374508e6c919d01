import Foundation
import NoticeWatchIngest
import NoticeWatchModel
import Testing

/// Fixture folders and a plain-text rendering of ingest results, so tests compare whole outputs.
enum IngestFixtures {
    /// The `Fixtures` folder copied into the test bundle.
    static var root: String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.path
    }

    /// The dataset folder `Fixtures/<relative>`.
    static func folder(_ relative: String) -> String { root + "/" + relative }

    /// Ingests `Fixtures/<relative>`.
    static func ingest(_ relative: String) throws -> IngestResult {
        try DatasetIngestor(directory: folder(relative)).ingest()
    }

    /// A fresh temporary dataset folder holding `files` (name → content).
    static func temporaryFolder(_ files: [String: [UInt8]]) throws -> String {
        let folder = NSTemporaryDirectory() + "noticewatch-ingest-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, bytes) in files {
            let path = folder + "/" + name
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        return folder
    }

    /// A temporary dataset folder with text files.
    static func temporaryFolder(text files: [String: String]) throws -> String {
        try temporaryFolder(files.mapValues { Array($0.utf8) })
    }

    /// ` flagged=issue_date,status` for a record with values not understood, else nothing.
    static func flags(_ flagged: FlaggedFields) -> String {
        flagged.isEmpty ? "" : " flagged=" + flagged.fieldNames.joined(separator: ",")
    }

    /// One line per record, quarantine entry and source, in result order.
    static func lines(_ result: IngestResult) -> [String] {
        var lines: [String] = []
        for notice in result.notices {
            lines.append(
                "notice \(notice.id) \(notice.kind.rawValue) \(notice.requestingCountry.code) "
                    + "\(notice.issueDate?.description ?? "-") \(notice.status.rawValue) "
                    + "\(notice.cancellationDate?.description ?? "-") @\(notice.provenance)"
                    + flags(notice.flagged))
        }
        for complaint in result.complaints {
            lines.append(
                "complaint \(complaint.id) \(complaint.noticeID ?? "-") \(complaint.requestingCountry.code) "
                    + "\(complaint.filedDate?.description ?? "-") \(complaint.decisionDate?.description ?? "-") "
                    + "\(complaint.outcome.rawValue) \"\(complaint.outcomeLabel)\" @\(complaint.provenance)"
                    + flags(complaint.flagged))
        }
        for row in result.quarantine {
            lines.append(
                "quarantine \(row.location) #\(row.location.record ?? 0) \(row.field ?? "-") \(row.reason) "
                    + "raw=\(row.rawValue.debugDescription)")
        }
        for source in result.sources {
            lines.append(
                "source \(source.source) \(source.recordKind.rawValue) read=\(source.read) kept=\(source.kept) "
                    + "merged=\(source.merged) quarantined=\(source.quarantined)")
        }
        return lines
    }

    /// Whether every source balances: read = kept + merged + quarantined.
    static func balances(_ result: IngestResult) -> Bool { result.sources.allSatisfy(\.balances) }
}
