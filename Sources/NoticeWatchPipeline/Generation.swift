internal import NoticeWatchGenerator
public import NoticeWatchModel

/// The synthetic bundles, for `noticewatch generate`.
public enum Generation {
    /// Writes the sample bundle (or, with `bench`, the benchmark bundle) and returns a one-line summary.
    ///
    /// - Throws: ``PipelineError`` with ``ExitStatus/cannotWriteReport`` when the folder cannot be written.
    public static func write(
        to directory: String, seed: UInt64, bench: Bool, notices: Int, complaints: Int
    ) throws(PipelineError) -> String {
        do {
            if bench {
                _ = try BenchBundle.write(to: directory, notices: notices, complaints: complaints, seed: seed)
                return
                    "Benchmark bundle written to \(directory) (\(notices) notices, \(complaints) complaints, seed \(seed))"
            }
            _ = try SampleBundle.write(to: directory, seed: seed)
            return "Sample bundle written to \(directory) (seed \(seed)); PLANTED.md lists the planted values"
        } catch {
            throw PipelineError(
                code: .generateFailed, message: "cannot write \(directory): \(error)")
        }
    }
}
