import NoticeWatchReport
import Testing

@Suite struct FixedDecimalTests {
    @Test(arguments: [
        (0.5, 4, "0.5000"),
        (2.0 / 3.0, 4, "0.6667"),
        (0.125, 2, "0.13"),
        (0.145, 2, "0.14"),  // stored as 0.14499999…
        (2.5, 0, "3"),
        (-2.5, 0, "-3"),
        (-0.00001, 2, "0.00"),
        (-0.0, 1, "0.0"),
        (0.0001, 1, "0.0"),
        (1234.5678, 1, "1234.6"),
        (0.05, 4, "0.0500"),
        (1e-7, 4, "0.0000"),
        (12_345_678.9, 2, "12345678.90"),
        (Double.nan, 2, ""),
        (Double.infinity, 2, ""),
    ])
    func formats(value: Double, decimals: Int, expected: String) {
        #expect(FixedDecimal.format(value, decimals: decimals) == expected)
    }

    @Test func proportionsAndPercentagesHaveFixedDecimals() {
        #expect(FixedDecimal.proportion(0.3) == "0.3000")
        #expect(FixedDecimal.proportion(nil) == "")
        #expect(FixedDecimal.percent(0.45678) == "45.7")
        #expect(FixedDecimal.percent(1) == "100.0")
        #expect(FixedDecimal.percent(nil) == "")
    }

    @Test(arguments: [(0.95, "95"), (0.975, "97.5"), (0.999, "99.9"), (0.9, "90")])
    func confidenceLevels(level: Double, expected: String) {
        #expect(FixedDecimal.level(level) == expected)
    }

    @Test(arguments: [
        (0, "0"), (999, "999"), (1000, "1,000"), (1_234_567, "1,234,567"), (-1000, "-1,000"), (-12, "-12"),
    ])
    func countsHaveThousandsSeparators(value: Int, expected: String) {
        #expect(FixedDecimal.count(value) == expected)
    }
}
