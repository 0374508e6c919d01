import NoticeWatchModel

extension SVGCharts {
    /// `charts/review-delays.svg`: Kaplan–Meier curves of requests not yet decided, by days since admissibility
    /// (or filing when a source gives no admissibility date), for all requests and the ``survivalCountries``
    /// countries with the most, drawn like the other survival charts (bands, censoring ticks, medians, number at
    /// risk). The statutory limits of the CCF Statute, Art. 40 (4 and 9 months) are in `review_delays.csv`.
    static func reviewDelays(_ input: ReportInput) -> String {
        let summaries = input.figures.reviewDelays.groups.compactMap { group -> SurvivalSummary? in
            switch group.scope {
            case .overall, .country: group.survival
            default: nil
            }
        }
        return survival(
            input, summaries,
            SurvivalWording(
                title: "Share of requests to the CCF not yet decided, by days since admissibility (Kaplan–Meier)",
                axisTitle: "Days since admissibility (or filing)", valueTitle: "Share of requests not yet decided",
                records: "requests", censored: "requests still pending", kind: .complaint))
    }
}
