import PostgresClient
import ReconRules

/// Computes a quarter's scores for every configured province with the calendar of the results
/// database, storing nothing: a preview, or what a lifecycle transition stores (``QuarterLifecycle``).
public enum QuarterScoring {
    /// Computes; stores nothing.
    public static func compute(config: ReconConfig, results: Connection, quarter: Quarter, policyName: String?,
                               environment: [String: String]) throws -> QuarterScores {
        let policy = try ScoringPolicy.named(policyName ?? config.policyName)
        let calendar = try CalendarStore(connection: results).calendar()
        // Without the platform, indicator 12 would read as 0 "无业务数据" and be stored as final.
        guard let platformSource = config.platform else {
            throw ScoringRunError("indicator 12 (数据归集率) needs the 便民政务系统: add a [platform] table (dsn or dsn_env) to the configuration and score again")
        }
        let ministry = try Connection(conninfo: try config.ministry.resolve(environment: environment), applicationName: "recon score")
        let platform = try Connection(conninfo: try platformSource.resolve(environment: environment), applicationName: "recon score")
        let counter = AggregationCounter(ministry: ministry, platform: platform, spec: config.businessRecords)
        let aggregation = { (province: ProvinceConfig, quarter: Quarter) in
            try counter.count(province: province.code, quarter: quarter)
        }
        let scorer = QuarterlyScorer(results: results, calendar: calendar, policy: policy,
                                     recordSets: config.recordSets.map(\.name), aggregation: aggregation)
        return try scorer.score(quarter: quarter, provinces: config.provinces)
    }
}

extension QuarterScores {
    /// The same scoring restricted to some provinces (for display).
    public func filtered(to codes: [String]) -> QuarterScores {
        QuarterScores(quarter: quarter, policy: policy, calendarVersion: calendarVersion, resultsDue: resultsDue,
                      noticeEnds: noticeEnds, provinces: provinces.filter { codes.contains($0.provinceCode) })
    }
}
