public import NoticeWatchModel

/// The complaints about one data type (red notice, diffusion, …), by outcome.
public struct PlantedDataTypeCount: Sendable, Hashable {
    public var dataType: ChallengedDataType
    public var counts: PlantedComplaintCount

    /// Creates a count.
    public init(dataType: ChallengedDataType, counts: PlantedComplaintCount) {
        self.dataType = dataType
        self.counts = counts
    }
}

extension PlantedFigures {
    /// The complaints of `world` by data type, in ``ChallengedDataType`` order, types with no complaint left out.
    static func complaintsByDataType(_ complaints: [SampleComplaint]) -> [PlantedDataTypeCount] {
        var byType: [ChallengedDataType: PlantedComplaintCount] = [:]
        for complaint in complaints {
            byType[
                complaint.dataType,
                default: PlantedComplaintCount(
                    country: nil, overturned: 0, upheld: 0, partiallyOverturned: 0, inadmissible: 0, withdrawn: 0,
                    pending: 0)
            ].add(complaint.outcome)
        }
        return ChallengedDataType.allCases.compactMap { type in
            byType[type].map { PlantedDataTypeCount(dataType: type, counts: $0) }
        }
    }

    /// The `PLANTED.md` table of complaints by data type.
    var dataTypeMarkdown: String {
        var text = "\n## Complaints per data type challenged\n\n"
        text += "A complaint naming a notice challenges that notice's kind (ids `D-…` are diffusions); the others "
        text += "are drawn. The register writes the type in French, the case system as the CCF's decisions do.\n\n"
        text += "| Data type | Total | Overturned | Upheld | Partially | Decided | Overturn rate |\n"
        text += "|---|---:|---:|---:|---:|---:|---:|\n"
        for row in complaintsByDataType {
            let counts = row.counts
            text += "| \(row.dataType.rawValue) | \(counts.total) | \(counts.overturned) | \(counts.upheld) | "
            text += "\(counts.partiallyOverturned) | \(counts.decided) | "
            text += "\(PlantedFigures.percent(counts.overturned, of: counts.decided)) |\n"
        }
        return text
    }
}
