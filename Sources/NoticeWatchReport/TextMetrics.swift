internal import Foundation

/// Estimated text widths, for laying charts out without a font engine and for the rendering test that
/// checks no two texts overlap.
///
/// The estimate is the sum of per-character advance widths of Helvetica (= Arial, = Liberation Sans), from
/// Adobe's Helvetica and Helvetica-Bold AFM files, in thousandths of the font size, times ``margin`` so that a
/// wider substitute font (DejaVu Sans is about 8% wider) still fits. Letters with diacritics take the width of
/// their base letter (`ü` as `u`); a few typographic signs have their own width; other scripts take
/// ``otherScriptWidth``, and wide (CJK) characters a full em.
enum TextMetrics {
    /// The factor over Helvetica's widths.
    static let margin = 1.1
    /// Height above the baseline of the box of a text, in font sizes (ascender, with room for accents).
    static let ascent = 0.8
    /// Depth below the baseline, in font sizes (descender).
    static let descent = 0.22
    /// Width of a character of a script the tables do not cover (Cyrillic, Greek, Arabic), per 1000.
    static let otherScriptWidth = 722.0

    /// Helvetica's widths of U+0020…U+007E, per 1000.
    static let regular: [Double] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ]

    /// Helvetica-Bold's widths of U+0020…U+007E, per 1000.
    static let bold: [Double] = [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    ]

    /// Signs outside ASCII that the charts print, per 1000 (same in both weights).
    static let signs: [Unicode.Scalar: Double] = [
        "–": 556, "—": 1000, "−": 584, "·": 278, "×": 584, "÷": 584, "±": 584, "≤": 549, "≥": 549, "…": 1000,
        "‘": 222, "’": 222, "“": 333, "”": 333, "«": 556, "»": 556, "°": 400, "\u{A0}": 278,
    ]

    /// The estimated width of `text` at `size` px.
    static func width(_ text: String, size: Double, bold isBold: Bool = false) -> Double {
        let table = isBold ? bold : regular
        var total = 0.0
        for scalar in text.unicodeScalars { total += width(of: scalar, table) }
        return total * size / 1000 * margin
    }

    private static func width(of scalar: Unicode.Scalar, _ table: [Double]) -> Double {
        let value = scalar.value
        if value >= 0x20 && value <= 0x7E { return table[Int(value - 0x20)] }
        if let sign = signs[scalar] { return sign }
        if scalar.properties.generalCategory == .nonspacingMark { return 0 }
        if let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first,
            base.value >= 0x20 && base.value <= 0x7E
        {
            return table[Int(base.value - 0x20)]
        }
        if (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFF00...0xFF60).contains(value)
        {
            return 1000
        }
        return otherScriptWidth
    }

    /// `text` broken into lines no wider than `width` at `size` px, at spaces; a word wider than a line is
    /// broken between characters.
    static func wrap(_ text: String, width: Double, size: Double, bold: Bool = false) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if Self.width(candidate, size: size, bold: bold) <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = ""
            for character in word {
                let longer = current + String(character)
                if !current.isEmpty && Self.width(longer, size: size, bold: bold) > width {
                    lines.append(current)
                    current = String(character)
                } else {
                    current = longer
                }
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
