/// Formatting of confidence levels for definition texts.
enum Percent {
    /// `95%` for 0.95; up to two decimals, trailing zeros dropped (`99.5%`).
    static func level(_ level: Double) -> String {
        let hundredths = Int((level * 10_000).rounded())
        let whole = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return "\(whole)%" }
        if fraction % 10 == 0 { return "\(whole).\(fraction / 10)%" }
        return fraction < 10 ? "\(whole).0\(fraction)%" : "\(whole).\(fraction)%"
    }
}
