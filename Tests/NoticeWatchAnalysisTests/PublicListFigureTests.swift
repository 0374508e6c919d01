import NoticeWatchModel
import Testing

@testable import NoticeWatchAnalysis

/// A series of four captures worked by hand: additions, departures, a reappearance, a modification, a partial
/// capture, and notices already listed at the first capture.
@Suite("The public list over time")
struct PublicListFigureTests {
    let russia = Country("RU")!
    let turkey = Country("TR")!
    let dates = ["2026-11-01", "2026-11-02", "2026-11-03", "2026-12-01"].map { CivilDate(iso: $0)! }

    func series() -> PublicListSeries {
        // The third capture holds half the list: a failed scrape.
        let seen = [100, 100, 50, 98]
        let captures = zip(dates, seen).map { ListCapture(date: $0, files: ["red_notices.csv"], seen: $1) }
        let presences = [
            ListPresence(
                id: "2019/1", country: russia, captures: [0, 1, 2, 3],
                modifications: [ListModification(capture: 2, fields: ["date_of_birth"])]),
            ListPresence(id: "2019/2", country: russia, captures: [0, 1]),
            ListPresence(id: "2020/3", country: turkey, captures: [1, 2, 3]),
            ListPresence(id: "2020/4", country: turkey, captures: [1]),
            ListPresence(id: "2018/5", country: russia, captures: [0, 2]),
            ListPresence(id: "2026/6", country: russia, captures: [3]),
        ]
        return PublicListFigure.make(
            captures: captures, presences: presences, grouping: .nationality,
            options: AnalysisOptions(asOf: dates[3], asOfOrigin: "--as-of"))
    }

    @Test("A capture far below the previous good one is partial, and changes across it are unreliable")
    func coverage() {
        let coverage = series().coverage
        #expect(coverage.map(\.partial) == [false, false, true, false])
        #expect(coverage[2].shareOfPrevious == 0.5)
        #expect(coverage[3].shareOfPrevious == 1.96)
        #expect(coverage[0].shareOfPrevious == nil)
        let overall = series().changes.filter { $0.country == nil }
        #expect(overall.map(\.reliable) == [true, false, false])
    }

    @Test("Added, left the list, reappeared and modified, per pair of captures, all countries first")
    func changes() {
        let changes = series().changes
        func row(_ to: Int, _ country: Country?) -> ListChange? {
            changes.first { $0.to == dates[to] && $0.country == country }
        }
        #expect(row(1, nil).map { [$0.added, $0.removed, $0.reappeared, $0.modified] } == [2, 1, 0, 0])
        #expect(row(1, turkey).map { [$0.added, $0.removed] } == [2, 0])
        #expect(row(1, russia).map { [$0.added, $0.removed] } == [0, 1])
        #expect(row(2, nil).map { [$0.added, $0.removed, $0.reappeared, $0.modified] } == [0, 2, 1, 1])
        #expect(row(2, russia)?.modifiedFields == [FieldCount(field: "date_of_birth", count: 1)])
        #expect(row(3, nil).map { [$0.added, $0.removed, $0.reappeared] } == [1, 1, 0])
        #expect(changes.first?.country == nil)
        #expect(changes.map(\.to) == changes.map(\.to).sorted())
    }

    @Test("Departures per month, counted in the month of the capture that first missed the notice")
    func departures() {
        let rows = series().departures.map { [$0.month.description, $0.country?.alpha2 ?? "all", "\($0.count)"] }
        #expect(
            rows == [
                ["2026-11", "all", "3"], ["2026-11", "RU", "2"], ["2026-11", "TR", "1"],
                ["2026-12", "all", "1"], ["2026-12", "RU", "1"],
            ])
        #expect(series().departures.allSatisfy { !$0.reliable })
    }

    @Test("Time on the list: first sighting to first capture missed; already listed at the start left out")
    func timeOnList() {
        let result = series()
        #expect(result.leftTruncated == 3)
        let overall = result.timeOnList.first
        #expect(overall?.country == nil)
        #expect(overall.map { [$0.subjects, $0.events, $0.censored] } == [3, 1, 2])
        #expect(overall?.curve.map(\.time) == [0, 1, 29])
        #expect(result.timeOnList.dropFirst().map(\.country) == [russia, turkey])
    }

    @Test("Each notice's first and last sighting, captures seen and gaps, by id")
    func histories() {
        let histories = series().histories
        #expect(histories.map(\.id) == ["2018/5", "2019/1", "2019/2", "2020/3", "2020/4", "2026/6"])
        let reappeared = histories[0]
        #expect(reappeared.firstSeen == dates[0] && reappeared.lastSeen == dates[2])
        #expect(reappeared.capturesSeen == 2 && reappeared.gaps == 1)
        #expect(histories[1].gaps == 0 && histories[1].capturesSeen == 4)
    }

    @Test("One capture: coverage only, no changes and no time on the list")
    func singleCapture() {
        let result = PublicListFigure.make(
            captures: [ListCapture(date: dates[0], files: ["data.json"], seen: 20, serviceTotal: 7_000)],
            presences: [ListPresence(id: "2019/1", country: russia, captures: [0])], grouping: .nationality,
            options: AnalysisOptions(asOf: dates[0], asOfOrigin: "--as-of"))
        #expect(result.changes.isEmpty && result.departures.isEmpty && result.timeOnList.isEmpty)
        #expect(result.coverage.first?.partial == true)
        #expect(result.leftTruncated == 1)
    }
}
