internal import Foundation
import NoticeWatchModel

/// `rsvg-convert` (librsvg, apt `librsvg2-bin`), which writes each chart also as PNG with `--png`.
///
/// Never used by default: a PNG's bytes depend on the converter's version and the fonts installed, so the
/// default outputs stay the same on every machine.
public struct PNGConverter: Hashable, Sendable {
    /// The converter's name on the `PATH`.
    public static let name = "rsvg-convert"
    /// How many times the SVG's size the PNG is drawn at: 600 px wide charts become 1,200 px wide pictures,
    /// sharp on high-density screens and in print.
    public static let zoom = 2

    /// The converter's full path.
    public var executable: String

    /// Uses the converter at `executable`.
    public init(executable: String) {
        self.executable = executable
    }

    /// The first executable `rsvg-convert` in the folders of `searchPath` (a `PATH` value, `:`-separated);
    /// `nil` when there is none.
    public static func find(searchPath: String?) -> PNGConverter? {
        for folder in (searchPath ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = folder + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return PNGConverter(executable: candidate) }
        }
        return nil
    }

    /// Draws the SVG file at `svg` into a new PNG file at `png`.
    ///
    /// - Throws: `ReportError` `png-conversion-failed` when the converter cannot be started or exits with a
    ///   status other than 0 (its first line of standard error is in the message).
    func convert(svg: String, to png: String) throws(ReportError) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--format=png", "--zoom=\(Self.zoom)", "--output=\(png)", svg]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ReportError(
                code: .pngConversionFailed,
                message: "cannot start \(executable): \(error.localizedDescription)", path: png)
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let line = String(decoding: message, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
            throw ReportError(
                code: .pngConversionFailed,
                message: "\(Self.name) exited with status \(process.terminationStatus)"
                    + (line.isEmpty ? "" : ": \(line)"), path: png)
        }
    }
}
