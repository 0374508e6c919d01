internal import NoticeWatchGenerator
public import NoticeWatchModel

/// The synthetic bundles, for `noticewatch generate`.
public enum Generation {
    /// Writes the sample bundle (or, with `bench`, the benchmark bundle of `profile`: `realistic` or `clean`)
    /// and returns a one-line summary.
    ///
    /// - Throws: ``PipelineError`` with ``ExitStatus/cannotWriteReport`` when the folder cannot be written or
    ///   `profile` is not a profile.
    public static func write(
        to directory: String, seed: UInt64, bench: Bool, notices: Int, complaints: Int,
        profile: String = "realistic"
    ) throws(PipelineError) -> String {
        do {
            if bench {
                guard let profile = BenchProfile(rawValue: profile) else {
                    let known = BenchProfile.allCases.map(\.rawValue).joined(separator: " or ")
                    throw GeneratorError(
                        code: "invalid-profile", message: "the profile must be \(known), not \(profile)")
                }
                _ = try BenchBundle.write(
                    to: directory, notices: notices, complaints: complaints, seed: seed, profile: profile)
                return
                    "Benchmark bundle written to \(directory) (\(profile.rawValue) profile, \(notices) notices, "
                    + "\(complaints) complaints, seed \(seed))"
            }
            _ = try SampleBundle.write(to: directory, seed: seed)
            return "Sample bundle written to \(directory) (seed \(seed)); PLANTED.md lists the planted values"
        } catch {
            throw PipelineError(
                code: .generateFailed, message: "cannot write \(directory): \(error)")
        }
    }
}
