import PostgresClient
import ReconKit
import ReconRules

/// The portal's reads that the domain library does not already offer.
enum PortalQueries {
    /// One page of a list's items, by 序号.
    static func items(listID: Int64, page: Int, size: Int, on connection: Connection) throws -> [ListItemJSON] {
        try connection.execute("""
            SELECT item_no, record_set, key_text, category, ministry_count, province_count,
                   to_char(reuploaded_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') AS reuploaded_at,
                   reupload_kind, on_time, resolved
            FROM recon.list_items WHERE list_id = $1 ORDER BY item_no LIMIT $2 OFFSET $3
            """, [String(listID), String(size), String((page - 1) * size)]).rows.map { row in
            ListItemJSON(itemNo: try row.int("item_no"), recordSet: try row.string("record_set"), key: try row.string("key_text"),
                         category: try row.string("category"), ministryCount: try row.int("ministry_count"),
                         provinceCount: try row.int("province_count"), reuploadedAt: row["reuploaded_at"],
                         reuploadKind: row["reupload_kind"], onTime: row["on_time"].map { $0 == "t" },
                         resolved: try row.bool("resolved"))
        }
    }

    /// The current scores of `quarter` (the latest scored quarter when nil), of one province or all:
    /// the published version once published, else the newest version on public notice.
    static func scores(quarter: Quarter?, province: String?, on connection: Connection) throws -> ScoresJSON {
        let scored = try quarter.map(\.description) ?? connection.execute(
            "SELECT quarter FROM recon.scorings ORDER BY quarter DESC LIMIT 1").rows.first.map { try $0.string("quarter") }
        guard let scored else { return ScoresJSON(quarter: nil, scores: []) }
        var provinces: [ProvinceScoreJSON] = []
        var totals: [Int] = []
        for row in try connection.execute("""
            SELECT s.province_code, coalesce(p.name, s.province_code) AS province_name, s.indicator, s.numerator,
                   s.denominator, s.score_hundredths, s.reason_code, s.reason
            FROM recon.scores s
            JOIN recon.scorings g ON g.id = s.scoring_id
            LEFT JOIN recon.provinces p ON p.code = s.province_code
            WHERE g.quarter = $1 AND ($2::text IS NULL OR s.province_code = $2)
              AND g.id = coalesce((SELECT scoring_id FROM recon.publications WHERE quarter = $1 AND superseded_by IS NULL),
                                  (SELECT id FROM recon.scorings WHERE quarter = $1 ORDER BY version DESC LIMIT 1))
            ORDER BY s.province_code, s.indicator
            """, [scored, province]).rows {
            let code = try row.string("province_code")
            let numerator = try row.optionalInt("numerator"), denominator = try row.optionalInt("denominator")
            let hundredths = try row.int("score_hundredths")
            let result = IndicatorScoreJSON(
                indicator: try row.int("indicator"), numerator: numerator, denominator: denominator,
                ratePercent: try ratePercent(numerator, denominator, indicator: try row.int("indicator")),
                score: hundredthsText(hundredths), reasonCode: try row.string("reason_code"), reason: try row.string("reason"))
            if provinces.last?.provinceCode != code {
                provinces.append(ProvinceScoreJSON(provinceCode: code, provinceName: try row.string("province_name"),
                                                   indicators: [], subtotal: ""))
                totals.append(0)
            }
            provinces[provinces.count - 1].indicators.append(result)
            totals[totals.count - 1] += hundredths
        }
        for index in provinces.indices { provinces[index].subtotal = hundredthsText(totals[index]) }
        return ScoresJSON(quarter: scored, scores: provinces)
    }

    /// The displayed rate without `%` (``RateFormat``: up for 10, down for 11 and 12), or nil.
    static func ratePercent(_ numerator: Int?, _ denominator: Int?, indicator number: Int) throws -> String? {
        guard let numerator, let denominator, denominator > 0 else { return nil }
        return String(RateFormat.percent(numerator, of: denominator, for: try Indicator(number: number)).dropLast())
    }
}
