import Foundation
import NoticeWatchModel
import Testing

/// The fixtures beside the tests and the reference values `Scripts/reference/reference.py` wrote from them.
enum ReferenceFixtures {
    /// Kaplan–Meier reference values for one case, as lifelines computed them (times include 0).
    struct KMCase: Decodable {
        struct Quantile: Decodable {
            var probability: Double
            var estimate: Double?
            var lower: Double?
            var upper: Double?
        }

        var times: [Int]
        var survival: [Double]
        var greenwood: [Double]
        var loglog_lower: [Double]
        var loglog_upper: [Double]
        var log_lower: [Double?]
        var log_upper: [Double?]
        var at_risk: [Int]
        var observed: [Int]
        var censored: [Int]
        var median: Double?
        var median_lower: Double?
        var median_upper: Double?
        var quantiles: [Quantile]
        var log_quantiles: [Quantile]
        var r_quantiles: [Quantile]
        var r_log_quantiles: [Quantile]
        var first_quantiles: [Quantile]
        var at_risk_on_day: [String: Int]
        var observed_quantiles: [Double?]
    }

    struct KMReference: Decodable {
        var confidence: Double
        var cases: [String: KMCase]
    }

    struct WilsonCase: Decodable {
        var successes: Int
        var trials: Int
        var confidence: Double
        var lower: Double
        var upper: Double
    }

    struct WilsonReference: Decodable { var intervals: [WilsonCase] }

    struct NormalCase: Decodable {
        var p: Double
        var quantile: Double
    }

    struct NormalReference: Decodable { var quantiles: [NormalCase] }

    /// One tested country of a family in `fisher-reference.json`.
    struct FisherCase: Decodable {
        var country: String
        var p_value: Double
        var p_value_holm: Double
        var others_rate: Double
        var persistent: Bool
    }

    struct FisherReference: Decodable {
        var minimum_decisions: Int
        var alpha: Double
        var families: [String: [FisherCase]]
    }

    static func url(_ name: String) -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            preconditionFailure("fixture \(name) is not in the test bundle")
        }
        return url
    }

    static func decode<T: Decodable>(_ type: T.Type, from name: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(contentsOf: url(name)))
    }

    static let km: KMReference = try! decode(KMReference.self, from: "km-reference.json")
    static let wilson: WilsonReference = try! decode(WilsonReference.self, from: "wilson-reference.json")
    static let normal: NormalReference = try! decode(NormalReference.self, from: "normal-reference.json")
    static let fisher: FisherReference = try! decode(FisherReference.self, from: "fisher-reference.json")

    /// The (country, overturned, decided) rows of `fisher-counts.csv` for one family, in file order.
    static func fisherCounts(family name: String) throws -> [(country: String, overturned: Int, decided: Int)] {
        let text = try String(contentsOf: url("fisher-counts.csv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: ",")
            guard fields.count == 4, fields[0] == name, let overturned = Int(fields[2]), let decided = Int(fields[3])
            else { return nil }
            return (String(fields[1]), overturned, decided)
        }
    }

    /// The family names of `fisher-counts.csv`.
    static let fisherFamilies = ["sample", "single", "small"]

    /// The (duration, observed) rows of `km-durations.csv` for one case, in file order.
    static func durations(case name: String) throws -> [(time: Int, ended: Bool)] {
        let text = try String(contentsOf: url("km-durations.csv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: ",")
            guard fields.count == 3, fields[0] == name, let time = Int(fields[1]) else { return nil }
            return (time, fields[2] == "1")
        }
    }

    /// The cases whose curve sits exactly on a quartile's level over an interval. lifelines computes S as
    /// exp(Σ log(1 − d/n)), a rounding error above such a level, so its quantiles there are the rounding's, not a
    /// rule's; these cases are checked against the formulas of `reference.py` instead.
    static let exactFlatCases: Set<String> = ["half-flat", "half-flat-large", "half-flat-to-end", "tied-quarter-flat"]

    /// The case names of `km-durations.csv`, as the reference JSON lists them.
    static let kmCases = [
        "all-end", "half-flat", "half-flat-large", "half-flat-to-end", "heavy-censoring", "no-censoring",
        "realistic", "single-event", "tied-quarter-flat", "ties-and-censoring", "zero-duration",
    ]
}

/// `|actual − expected| ≤ 1e-9 · max(1, |expected|)`.
func close(_ actual: Double?, _ expected: Double?, tolerance: Double = 1e-9) -> Bool {
    switch (actual, expected) {
    case (nil, nil): return true
    case let (actual?, expected?): return abs(actual - expected) <= tolerance * max(1, abs(expected))
    default: return false
    }
}
