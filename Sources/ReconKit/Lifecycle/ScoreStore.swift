import Foundation
import PostgresClient
import ReconRules

/// The scoring versions of the results database (`recon.scorings`, `recon.scores`; migration 0007).
/// Versions are only ever added: the database refuses any UPDATE or DELETE of them, so every
/// version, with who, when and why, stays queryable (docs/rules.md, "The quarter's lifecycle").
public enum ScoreStore {
    /// Adds the next version of `scores.quarter` inside transaction `db` (the caller holds the
    /// quarter's lock); returns its id and number.
    public static func insertVersion(_ scores: QuarterScores, kind: ScoringVersion.Kind, basedOn: Int?, reason: String?,
                                     createdBy: String, at instant: Date, on db: Connection) throws -> (id: Int, version: Int) {
        try ProvinceSync.sync(scores.provinces.map {
            ProvinceConfig(code: $0.provinceCode, name: $0.provinceName, source: DatabaseSource(origin: "scoring"))
        }, on: db)
        let row = try db.execute("""
            INSERT INTO recon.scorings (quarter, version, kind, based_on, reason, created_by, computed_at, policy,
                                        calendar_version, results_due, notice_ends)
            VALUES ($1, (SELECT coalesce(max(version), 0) + 1 FROM recon.scorings WHERE quarter = $1), $2, $3, $4, $5,
                    $6::timestamptz, $7, $8, $9, $10)
            RETURNING id, version
            """, [scores.quarter.description, kind.rawValue, basedOn.map(String.init), reason, createdBy,
                  BeijingTimeFormat.sql(instant), scores.policy.name, scores.calendarVersion,
                  scores.resultsDue.description, scores.noticeEnds.description]).singleRow()
        let id = try row.int("id")
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
        return (id, try row.int("version"))
    }

    /// The versions of `quarter`, oldest first (scores included).
    public static func versions(_ quarter: Quarter, on connection: Connection) throws -> [ScoringVersion] {
        try connection.execute("SELECT id FROM recon.scorings WHERE quarter = $1 ORDER BY version", [quarter.description])
            .rows.map { try load(id: try $0.int("id"), on: connection) }
    }

    /// The newest version of `quarter`, or nil.
    public static func current(_ quarter: Quarter, on connection: Connection) throws -> ScoringVersion? {
        guard let row = try connection.execute("""
            SELECT id FROM recon.scorings WHERE quarter = $1 ORDER BY version DESC LIMIT 1
            """, [quarter.description]).rows.first else { return nil }
        return try load(id: try row.int("id"), on: connection)
    }

    /// Whether any version of the quarter is stored.
    public static func exists(_ quarter: Quarter, on connection: Connection) throws -> Bool {
        try !connection.execute("SELECT 1 FROM recon.scorings WHERE quarter = $1", [quarter.description]).rows.isEmpty
    }

    /// Version `id` with its scores, read back exactly as stored (frozen counts: re-reading the
    /// registries never changes a stored version).
    public static func load(id: Int, on connection: Connection) throws -> ScoringVersion {
        guard let head = try connection.execute("""
            SELECT quarter, version, kind, based_on, reason, created_by, policy, calendar_version,
                   results_due::text AS results_due, notice_ends::text AS notice_ends,
                   \(ListTime.microsSQL("computed_at")) AS computed_us
            FROM recon.scorings WHERE id = $1
            """, [String(id)]).rows.first else { throw ScoringRunError("scoring version \(id) does not exist") }
        let quarter = try Quarter.parse(try head.string("quarter"))
        let policyName = try head.string("policy")
        let policy = (try? ScoringPolicy.named(policyName)) ?? ScoringPolicy(
            name: policyName, summary: "(a policy this recon does not know)", reconciliationWindow: .firstFiveWorkingDays,
            rectificationWindow: .firstFiveWorkingDays, emptyReconciliation: .scoreZero)
        let rows = try connection.execute("""
            SELECT s.province_code, coalesce(p.name, s.province_code) AS province_name, s.indicator, s.numerator,
                   s.denominator, s.score_hundredths, s.reason_code, s.reason, s.run_id, s.list_id
            FROM recon.scores s LEFT JOIN recon.provinces p ON p.code = s.province_code
            WHERE s.scoring_id = $1 ORDER BY s.province_code, s.indicator
            """, [String(id)]).rows
        var byProvince: [(code: String, name: String, results: [IndicatorResult], runs: [Int: Int], list: Int?)] = []
        for row in rows {
            let code = try row.string("province_code")
            if byProvince.last?.code != code { byProvince.append((code, try row.string("province_name"), [], [:], nil)) }
            let indicator = try Indicator(number: try row.int("indicator"))
            let numerator = row["numerator"].flatMap { Int($0) }
            let denominator = row["denominator"].flatMap { Int($0) }
            let rate = numerator.flatMap { n in denominator.flatMap { d in d > 0 ? try? Rational(n, d) : nil } }
            guard let score = Score(hundredths: try row.int("score_hundredths")),
                  let reasonCode = ScoreReason(rawValue: try row.string("reason_code")) else {
                throw ScoringRunError("scoring version \(id): unreadable score of \(code) indicator \(indicator.number)")
            }
            byProvince[byProvince.count - 1].results.append(IndicatorResult(
                indicator: indicator, numerator: numerator, denominator: denominator, rate: rate, score: score,
                reasonCode: reasonCode, reason: try row.string("reason"), policy: policyName))
            if let run = row["run_id"].flatMap({ Int($0) }) { byProvince[byProvince.count - 1].runs[indicator.number] = run }
            if let list = row["list_id"].flatMap({ Int($0) }) { byProvince[byProvince.count - 1].list = list }
        }
        let provinces = try byProvince.map { entry -> ProvinceScores in
            guard entry.results.count == 3 else { throw ScoringRunError("scoring version \(id): \(entry.code) has \(entry.results.count) of 3 indicators") }
            return ProvinceScores(provinceCode: entry.code, provinceName: entry.name, differenceRate: entry.results[0],
                                  rectificationRate: entry.results[1], aggregationRate: entry.results[2],
                                  officialRunID: entry.runs[10], rectificationRunID: entry.runs[11], listID: entry.list)
        }
        let scores = QuarterScores(quarter: quarter, policy: policy, calendarVersion: try head.string("calendar_version"),
                                   resultsDue: try CivilDate.parse(try head.string("results_due")),
                                   noticeEnds: try CivilDate.parse(try head.string("notice_ends")), provinces: provinces)
        guard let kind = ScoringVersion.Kind(rawValue: try head.string("kind")) else {
            throw ScoringRunError("scoring version \(id): unknown kind")
        }
        return ScoringVersion(id: id, version: try head.int("version"), kind: kind,
                              basedOn: head["based_on"].flatMap { Int($0) }, reason: head["reason"],
                              createdBy: try head.string("created_by"),
                              createdAt: try ListTime.instant(micros: try head.string("computed_us"), what: "computed_at"),
                              scores: scores)
    }
}
