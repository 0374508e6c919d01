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
        let negative = value < 0 && units != 0
        // At most 16 integer digits (units < 9e15), a dot, 9 decimals and a sign: written backwards from the end
        // of a scratch buffer, then made into a string (a short one is kept inline, with no allocation).
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { text in
            var position = 32
            var rest = units
            var written = 0
            // Digits from the last, at least `decimals + 1` of them so that a fraction has its leading zero.
            repeat {
                if decimals > 0 && written == decimals {
                    position -= 1
                    text[position] = UInt8(ascii: ".")
                }
                position -= 1
                text[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                written += 1
            } while rest > 0 || written <= decimals
            if negative {
                position -= 1
                text[position] = UInt8(ascii: "-")
            }
            return String(decoding: UnsafeBufferPointer(rebasing: text[position...]), as: UTF8.self)
        }
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
