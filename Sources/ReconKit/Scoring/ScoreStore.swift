import PostgresClient
import ReconRules

/// Stores a quarter's scoring, replacing any earlier scoring of the same quarter in one
/// transaction (a killed scoring leaves the previous one whole).
public enum ScoreStore {
    /// Replaces the quarter's scoring; returns the new scoring id.
    @discardableResult
    public static func replace(_ scores: QuarterScores, on connection: Connection) throws -> Int {
        try connection.transaction { db in
            try ProvinceSync.sync(scores.provinces.map {
                ProvinceConfig(code: $0.provinceCode, name: $0.provinceName, source: DatabaseSource(origin: "scoring"))
            }, on: db)
            try db.execute("DELETE FROM recon.scorings WHERE quarter = $1", [scores.quarter.description])
            let id = try db.execute("""
                INSERT INTO recon.scorings (quarter, policy, calendar_version, results_due, notice_ends)
                VALUES ($1, $2, $3, $4, $5) RETURNING id
                """, [scores.quarter.description, scores.policy.name, scores.calendarVersion,
                      scores.resultsDue.description, scores.noticeEnds.description]).singleRow().int("id")
            try db.copyIn("""
                COPY recon.scores (scoring_id, province_code, indicator, numerator, denominator, score_hundredths,
                                   reason_code, reason, run_id, list_id) FROM STDIN
                """) { writer in
                for province in scores.provinces {
                    for result in province.results {
                        let runID = result.indicator == .rectificationRate ? province.rectificationRunID : province.officialRunID
                        try writer.writeRow([
                            String(id), province.provinceCode, String(result.indicator.number),
                            result.numerator.map(String.init), result.denominator.map(String.init),
                            String(result.score.hundredths), result.reasonCode.rawValue, result.reason,
                            result.indicator == .aggregationRate ? nil : runID.map(String.init),
                            result.indicator == .rectificationRate ? province.listID.map(String.init) : nil,
                        ])
                    }
                }
            }
            return id
        }
    }

    /// Whether a scoring of the quarter is stored.
    public static func exists(_ quarter: Quarter, on connection: Connection) throws -> Bool {
        try !connection.execute("SELECT 1 FROM recon.scorings WHERE quarter = $1", [quarter.description]).rows.isEmpty
    }
}
