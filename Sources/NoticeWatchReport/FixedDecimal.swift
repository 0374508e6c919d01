/// The one way NoticeWatch prints a real number: a fixed number of decimals, a dot, no grouping, no exponent.
///
/// `String(describing:)` prints the shortest round-tripping form (`0.30000000000000004`, `1e-05`), which
/// changes with the value's binary representation; reports need the same text for the same figure on every
/// machine. The value is multiplied by 10^decimals and rounded half away from zero on the binary value
/// (so `0.125` with 2 decimals is `0.13`, while `0.145`, stored as 0.14499…, is `0.14`), then the digits
/// are placed around the dot. Negative zero prints without a sign. NaN and infinities print as the empty
/// string: no figure is ever one, and an empty cell is what spreadsheets and readers take as "missing".
///
/// Decimals used by the outputs (documented in OUTPUTS.md):
/// - proportions, shares, survival probabilities and interval bounds in CSV and SQLite: 4 (``proportion``);
/// - percentages in Markdown: 1 (``percent``);
/// - observed duration quantiles: 1;
/// - SVG coordinates: 1.
public enum FixedDecimal {
    /// `value` with exactly `decimals` digits after the dot (none and no dot when `decimals` is 0).
    ///
    /// - Parameters:
    ///   - value: any finite double whose scaled magnitude is below 2^53; larger values lose digits as
    ///     `Double` does.
    ///   - decimals: 0...9.
    /// - Returns: the text, or `""` for NaN and infinities.
    public static func format(_ value: Double, decimals: Int) -> String {
        precondition((0...9).contains(decimals), "decimals must be in 0...9")
        guard value.isFinite else { return "" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e15 else { return String(Int(value.rounded())) }
        let units = UInt64(scaled)
        var digits = String(units)
        if decimals > 0 {
            if digits.count <= decimals {
                digits = String(repeating: "0", count: decimals - digits.count + 1) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        let negative = value < 0 && units != 0
        return negative ? "-" + digits : digits
    }

    /// A proportion (0...1) with 4 decimals: `0.5000`; `""` for `nil`.
    public static func proportion(_ value: Double?) -> String {
        guard let value else { return "" }
        return format(value, decimals: 4)
    }

    /// A proportion as a percentage with 1 decimal and no sign: `0.4567` → `45.7`; `""` for `nil`.
    public static func percent(_ value: Double?) -> String {
        guard let value else { return "" }
        return format(value * 100, decimals: 1)
    }

    /// A confidence level as a short percentage: `0.95` → `95`, `0.975` → `97.5`, `0.999` → `99.9`.
    ///
    /// Up to 2 decimals, trailing zeros and a trailing dot removed.
    public static func level(_ value: Double) -> String {
        var text = format(value * 100, decimals: 2)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A count with commas between groups of three digits, for reading: `12345` → `12,345`, `-1000` → `-1,000`.
    public static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }
}
