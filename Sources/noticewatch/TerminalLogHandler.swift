import Foundation
import Logging
import Synchronization

/// Writes log lines to standard error as `noticewatch: warning: …`, with no timestamps: the lines are read by
/// people and by cron's mail, and diffed night after night.
struct TerminalLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    var logLevel: Logger.Level = .info
    /// With `--quiet`, where lines are held until the run ends: written only when it fails or a threshold is
    /// exceeded; `nil` to write each line at once.
    var held: HeldLines?

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let prefix: String
        switch event.level {
        case .trace, .debug, .info, .notice: prefix = ""
        case .warning: prefix = "warning: "
        case .error, .critical: prefix = "error: "
        }
        let line = "noticewatch: \(prefix)\(event.message)"
        if let held { held.append(line) } else { Self.write(line) }
    }

    /// Writes one line to standard error.
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// Log lines held back by `--quiet` (cron mails nothing on a good night): released on standard error when the
/// run does not end with status 0, dropped otherwise. The report keeps every warning either way.
final class HeldLines: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ line: String) {
        lines.withLock { $0.append(line) }
    }

    /// Writes the held lines to standard error, in the order they were logged, and forgets them.
    func release() {
        let released = lines.withLock { lines in
            defer { lines = [] }
            return lines
        }
        for line in released { TerminalLogHandler.write(line) }
    }
}
