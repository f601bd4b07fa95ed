import Foundation
import PostgresClient
import ReconKit
import ReconRules

/// The portal's reads that the domain library does not already offer.
enum PortalQueries {
    /// The number of `list`'s items `filter` selects at `now`, and one page of them by 序号 (the
    /// documents read from their stored text, `fields_json` and `rows_json`, not rendered from jsonb).
    static func items(list: RectificationList, filter: ListItemFilter, page: Int, size: Int, now: Date,
                      on connection: Connection) throws -> (total: Int, items: [ListItemJSON]) {
        let condition = try filter.condition(deadline: list.deadline, now: now, quoting: connection)
        let total = try connection.execute("SELECT count(*) AS n FROM recon.list_items i WHERE i.list_id = $1 AND (\(condition))",
                                           [String(list.id)]).singleRow().int("n")
        let rows = try connection.execute("""
            SELECT i.item_no, i.record_set, i.key_text, i.category, i.ministry_count, i.province_count, i.fields_json AS fields,
                   i.rows_json AS item_rows, i.rows_total, i.suspect_item_no, i.suspect_hint,
                   to_char(i.reuploaded_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') AS reuploaded_at,
                   i.reupload_kind, i.on_time, i.resolved
            FROM recon.list_items i WHERE i.list_id = $1 AND (\(condition)) ORDER BY i.item_no LIMIT $2 OFFSET $3
            """, [String(list.id), String(size), String((page - 1) * size)]).rows.map { row in
            let onTime = row["on_time"].map { $0 == "t" }, resolved = try row.bool("resolved")
            let state = ItemProgressState.of(
                reuploaded: row["reuploaded_at"] != nil,
                onTime: onTime, resolved: resolved, deadline: list.deadline, now: now)
            return ListItemJSON(itemNo: try row.int("item_no"), recordSet: try row.string("record_set"), key: try row.string("key_text"),
                                category: try row.string("category"), ministryCount: try row.int("ministry_count"),
                                provinceCount: try row.int("province_count"), reuploadedAt: row["reuploaded_at"],
                                reuploadKind: row["reupload_kind"], onTime: onTime, resolved: resolved,
                                status: state.rawValue, statusLabel: state.label,
                                fields: try ItemFieldJSON.decode(try row.string("fields")),
                                rows: try ItemRowJSON.decode(try row.string("item_rows")), rowsTotal: try row.int("rows_total"),
                                suspectItemNo: try row.optionalInt("suspect_item_no"), suspectHint: row["suspect_hint"])
        }
        return (total, rows)
    }

    /// The quarters with lists or scores (of one province, or all), newest first.
    static func quarters(province: String?, on connection: Connection) throws -> [Quarter] {
        try connection.execute("""
            SELECT quarter FROM recon.lists WHERE $1::text IS NULL OR province_code = $1
            UNION SELECT quarter FROM recon.scorings ORDER BY 1 DESC
            """, [province]).rows.compactMap { Quarter(try $0.string("quarter")) }
    }

    /// The quarter a page opens on: the newest with an official list (of the province, or any),
    /// else the newest with a list, else the newest scored — never a quarter only because it holds
    /// a self-check (自查) list.
    static func defaultQuarter(province: String?, on connection: Connection) throws -> Quarter? {
        let row = try connection.execute("""
            SELECT coalesce((SELECT max(quarter) FROM recon.lists WHERE official AND ($1::text IS NULL OR province_code = $1)),
                            (SELECT max(quarter) FROM recon.lists WHERE $1::text IS NULL OR province_code = $1),
                            (SELECT max(quarter) FROM recon.scorings)) AS quarter
            """, [province]).singleRow()
        return row["quarter"].flatMap { Quarter($0) }
    }

    /// A province's current scores (published, else newest version) of every scored quarter,
    /// oldest first.
    static func history(province: String, on connection: Connection) throws -> [HistoryJSON] {
        var out: [HistoryJSON] = []
        for row in try connection.execute("""
            WITH current AS (
                SELECT DISTINCT ON (g.quarter) g.quarter, g.id, g.version, (p.id IS NOT NULL) AS published
                FROM recon.scorings g LEFT JOIN recon.publications p ON p.scoring_id = g.id AND p.superseded_by IS NULL
                ORDER BY g.quarter, (p.id IS NOT NULL) DESC, g.version DESC)
            SELECT c.quarter, c.version, c.published, s.indicator, s.numerator, s.denominator, s.score_hundredths
            FROM current c JOIN recon.scores s ON s.scoring_id = c.id AND s.province_code = $1
            ORDER BY c.quarter, s.indicator
            """, [province]).rows {
            let quarter = try row.string("quarter"), indicator = try row.int("indicator")
            let hundredths = try row.int("score_hundredths")
            if out.last?.quarter != quarter {
                out.append(HistoryJSON(quarter: quarter, version: try row.int("version"), published: try row.bool("published"),
                                       subtotalHundredths: 0, subtotal: "", indicators: []))
            }
            out[out.count - 1].subtotalHundredths += hundredths
            out[out.count - 1].subtotal = hundredthsText(out[out.count - 1].subtotalHundredths)
            let numerator = try row.optionalInt("numerator"), denominator = try row.optionalInt("denominator")
            out[out.count - 1].indicators.append(HistoryIndicatorJSON(
                indicator: indicator, ratePercent: try ratePercent(numerator, denominator, indicator: indicator),
                score: hundredthsText(hundredths), numerator: numerator, denominator: denominator))
        }
        return out
    }

    /// The current scores of `quarter` (the latest scored quarter when nil), of one province or all:
    /// the published version once published, else the newest version on public notice.
    /// `calendar`: the stored calendar when the caller has already read it.
    static func scores(quarter: Quarter?, province: String?, now: Date? = nil, calendar: WorkdayCalendar? = nil,
                       on connection: Connection) throws -> ScoresJSON {
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
            let indicator = try row.int("indicator")
            let result = IndicatorScoreJSON(
                indicator: indicator, numerator: numerator, denominator: denominator,
                ratePercent: try ratePercent(numerator, denominator, indicator: indicator),
                score: hundredthsText(hundredths), reasonCode: try row.string("reason_code"), reason: try row.string("reason"),
                band: ScoreExplanation.band(indicator: indicator, numerator: numerator, denominator: denominator),
                deduction: ScoreExplanation.deduction(score: hundredthsText(hundredths)))
            if provinces.last?.provinceCode != code {
                provinces.append(ProvinceScoreJSON(provinceCode: code, provinceName: try row.string("province_name"),
                                                   indicators: [], subtotal: ""))
                totals.append(0)
            }
            provinces[provinces.count - 1].indicators.append(result)
            totals[totals.count - 1] += hundredths
        }
        for index in provinces.indices { provinces[index].subtotal = hundredthsText(totals[index]) }
        var answer = ScoresJSON(quarter: scored, scores: provinces)
        if let quarter = Quarter(scored) { try stage(of: quarter, into: &answer, now: now, calendar: calendar, on: connection) }
        return answer
    }

    /// The quarter's stage (第十一条: 公示5个工作日，公示期结束后公布), version, notice end, publication
    /// and, once published, each province's rank.
    static func stage(of quarter: Quarter, into answer: inout ScoresJSON, now: Date?, calendar: WorkdayCalendar? = nil,
                      on connection: Connection) throws {
        let calendar = try calendar ?? CalendarStore(connection: connection).calendar()
        switch try QuarterLifecycle(results: connection, calendar: calendar).stage(quarter) {
        case .notScored:
            return
        case let .onNotice(current, noticeEnds):
            answer.version = current.version
            answer.noticeEnds = noticeEnds.description
            if let now, now >= BeijingTime.endOfDay(noticeEnds) {
                answer.stage = "noticeOver"
                answer.stageLabel = "公示期已结束（\(noticeEnds) 24:00），待公布（第\(current.version)版）"
            } else {
                answer.stage = "onNotice"
                answer.stageLabel = "公示中，公示期至 \(noticeEnds) 24:00（第\(current.version)版）"
            }
        case let .published(publication, current):
            let version = try connection.execute("SELECT version FROM recon.scorings WHERE id = $1", [String(publication.scoringID)])
                .rows.first.map { try $0.int("version") } ?? current.version
            answer.version = version
            answer.noticeEnds = current.scores.noticeEnds.description
            answer.stage = "published"
            answer.publishedAt = BeijingTimeFormat.iso(publication.publishedAt)
            answer.stageLabel = "已公布（\(BeijingTimeFormat.human(publication.publishedAt))，第\(version)版）"
            let ranks = Dictionary(publication.ranks.map { ($0.provinceCode, $0.rank) }, uniquingKeysWith: { a, _ in a })
            for index in answer.scores.indices { answer.scores[index].rank = ranks[answer.scores[index].provinceCode] }
        }
    }

    /// The displayed rate without `%` (``RateFormat``: up for 10, down for 11 and 12), or nil.
    static func ratePercent(_ numerator: Int?, _ denominator: Int?, indicator number: Int) throws -> String? {
        guard let numerator, let denominator, denominator > 0 else { return nil }
        return String(RateFormat.percent(numerator, of: denominator, for: try Indicator(number: number)).dropLast())
    }
}
