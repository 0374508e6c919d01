import Foundation

/// Fisher's exact test of a 2×2 table and Holm's adjustment of a family of p-values.
public enum FisherExactTest {
    /// Probabilities within this relative distance of the observed table's count as equally likely (R's
    /// `fisher.test` and scipy's `fisher_exact` use the same 1 + 10⁻⁷), so ties are not lost to rounding.
    static let relativeTolerance = 1 + 1e-7

    /// The two-sided p-value of the table `[[a, b], [c, d]]` with fixed margins: the sum of the hypergeometric
    /// probabilities of every table no more likely than the observed one (R `fisher.test`, scipy
    /// `stats.fisher_exact(alternative="two-sided")`).
    ///
    /// - Precondition: every cell is at least 0.
    /// - Complexity: O(min(a + b, a + c)) evaluations of `lgamma`.
    public static func twoSided(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Double {
        precondition(a >= 0 && b >= 0 && c >= 0 && d >= 0, "a 2×2 table has no negative cell")
        let row = a + b
        let otherRow = c + d
        let column = a + c
        let total = row + otherRow
        guard row > 0, otherRow > 0, column > 0, column < total else { return 1 }
        let base = logChoose(total, column)
        func logProbability(_ x: Int) -> Double {
            logChoose(row, x) + logChoose(otherRow, column - x) - base
        }
        let observed = logProbability(a) + log(relativeTolerance)
        var sum = 0.0
        for x in max(0, column - otherRow)...min(row, column) {
            let logP = logProbability(x)
            if logP <= observed { sum += exp(logP) }
        }
        return min(1, sum)
    }

    /// log C(n, k).
    static func logChoose(_ n: Int, _ k: Int) -> Double {
        lgamma(Double(n) + 1) - lgamma(Double(k) + 1) - lgamma(Double(n - k) + 1)
    }

    /// Holm's step-down adjustment (statsmodels `multipletests(method="holm")`, R `p.adjust("holm")`): with the
    /// m p-values sorted ascending, the i-th (from 1) becomes max over j ≤ i of min(1, (m − j + 1)·p₍ⱼ₎).
    /// Controls the family-wise error rate under any dependence between the tests.
    ///
    /// - Returns: the adjusted values, aligned with `pValues`; equal p-values keep their input order.
    /// - Complexity: O(m log m).
    public static func holm(_ pValues: [Double]) -> [Double] {
        let order = pValues.indices.sorted { (pValues[$0], $0) < (pValues[$1], $1) }
        var adjusted = [Double](repeating: 1, count: pValues.count)
        var running = 0.0
        for (rank, index) in order.enumerated() {
            running = max(running, min(1, Double(pValues.count - rank) * pValues[index]))
            adjusted[index] = running
        }
        return adjusted
    }
}
