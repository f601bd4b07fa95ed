import Foundation
import Hummingbird
import ReconKit
import ReconRules

/// `GET /api/lists`.
struct ListsJSON: ResponseEncodable {
    let lists: [ListJSON]
}

/// One rectification list.
struct ListJSON: ResponseEncodable {
    let id: Int64
    let runId: Int64
    let provinceCode: String
    let provinceName: String
    let quarter: String
    let official: Bool
    let issuedAt: String
    let deadline: String
    let deadlineText: String
    let itemCount: Int
    let receivedAt: String?

    init(_ list: RectificationList) {
        id = list.id
        runId = list.runID
        provinceCode = list.provinceCode
        provinceName = list.provinceName
        quarter = list.quarter.description
        official = list.official
        issuedAt = BeijingTimeFormat.isoSeconds(list.issuedAt)
        deadline = BeijingTimeFormat.isoSeconds(list.deadline)
        deadlineText = BeijingTimeFormat.humanDeadline(end: list.deadline)
        itemCount = list.itemCount
        receivedAt = list.firstDownloadAt.map(BeijingTimeFormat.isoSeconds)
    }
}

/// One item (整改条目) of a list, as the items page shows it; `GET /api/lists/{id}` gives the same
/// object built by PostgreSQL (``ItemsPageJSON``).
struct ListItemJSON: ResponseEncodable, Sendable {
    let itemNo: Int
    let recordSet: String
    let key: String
    let category: String
    let ministryCount: Int
    let provinceCount: Int
    let reuploadedAt: String?
    let reuploadKind: String?
    let onTime: Bool?
    let resolved: Bool
    /// The item's state now (pending, overdue, ontime, late, consistent) and its 中文.
    let status: String
    let statusLabel: String
    /// The differing fields with both sides' values (核心字段不一致); empty otherwise.
    let fields: [ItemFieldJSON]
    /// The rows with the item's key on each side (not for 核心字段不一致), at most 50 per side.
    let rows: [ItemRowJSON]
    /// How many rows there were in all.
    let rowsTotal: Int
    /// The paired item of a suspected same record (疑似同一记录) and its hint.
    let suspectItemNo: Int?
    let suspectHint: String?
}

/// One row of an item: its side and its values.
struct ItemRowJSON: ResponseEncodable, Sendable {
    let side: String
    let values: [ItemValueJSON]

    /// The rows of `recon.list_items.rows` (`[{"side", "values": [{"column", "label", "value"}]}]`).
    static func decode(_ text: String) throws -> [ItemRowJSON] {
        try StoredItemDocuments.rows(text).map { row in
            let values = (row.values ?? []).map { v in
                let column = v.column?.value ?? ""
                return ItemValueJSON(column: column, label: v.label?.value ?? column, value: v.value?.value)
            }
            return ItemRowJSON(side: row.side?.value ?? "", values: values)
        }
    }
}

/// One value of a row (nil = NULL).
struct ItemValueJSON: ResponseEncodable, Sendable {
    let column: String
    let label: String
    let value: String?
}

/// One differing field of an item: the ministry's and the province's raw values (nil = NULL).
struct ItemFieldJSON: ResponseEncodable, Sendable {
    let column: String
    let label: String
    let ministry: String?
    let province: String?

    /// The fields of `recon.list_items.fields` (a JSON array of {column, label, ministry, province}).
    static func decode(_ text: String) throws -> [ItemFieldJSON] {
        try StoredItemDocuments.fields(text).map { field in
            let column = field.column?.value ?? ""
            return ItemFieldJSON(column: column, label: field.label?.value ?? column,
                                 ministry: field.ministry?.value, province: field.province?.value)
        }
    }
}

/// `GET /api/history`: a province's scores across quarters.
struct HistoryListJSON: ResponseEncodable {
    let provinceCode: String
    let quarters: [HistoryJSON]
}

/// One quarter of a province's history: the current version's three results and subtotal.
struct HistoryJSON: ResponseEncodable, Sendable {
    let quarter: String
    let version: Int
    let published: Bool
    var subtotalHundredths: Int
    var subtotal: String
    var indicators: [HistoryIndicatorJSON]
}

/// One indicator of a quarter in the history.
struct HistoryIndicatorJSON: ResponseEncodable, Sendable {
    let indicator: Int
    let ratePercent: String?
    let score: String
    /// The counts behind the rate (nil when the score has none, e.g. no official run).
    var numerator: Int? = nil
    var denominator: Int? = nil
}

/// `GET /api/objections`.
struct ObjectionsJSON: ResponseEncodable {
    let objections: [ObjectionJSON]
}

/// One objection (异议) and its decision.
struct ObjectionJSON: ResponseEncodable, Sendable {
    let id: Int
    let quarter: String
    let provinceCode: String
    let indicator: Int
    let text: String
    let raisedAt: String
    let raisedBy: String
    let status: String
    let statusLabel: String
    let decidedAt: String?
    let decisionReason: String?
    let correctionId: Int?

    init(_ o: Objection) {
        id = o.id
        quarter = o.quarter.description
        provinceCode = o.provinceCode
        indicator = o.indicator.number
        text = o.text
        raisedAt = BeijingTimeFormat.isoSeconds(o.raisedAt)
        raisedBy = o.raisedBy
        status = o.status.rawValue
        statusLabel = o.status.label
        decidedAt = o.decidedAt.map(BeijingTimeFormat.isoSeconds)
        decisionReason = o.decisionReason
        correctionId = o.correctionID
    }
}

/// `GET /api/progress`.
struct ProgressJSON: ResponseEncodable {
    let progress: [ListProgressJSON]
}

/// One row of progress: indicator 11's counts for a list.
struct ListProgressJSON: ResponseEncodable {
    let listId: Int64
    let provinceCode: String
    let provinceName: String
    let quarter: String
    let official: Bool
    let deadline: String
    let items: Int
    let onTime: Int
    let late: Int
    let outstanding: Int
    let resolved: Int
    let workingDaysLeft: Int?
    /// On time / items, exact, as `numerator/denominator`; nil for an empty list.
    let rate: String?
    /// The same rate as a percentage, truncated to 2 decimals.
    let ratePercent: String?
    /// The items by state now (they add up to `items`): 待整改（期限内）, 已逾期未上传, 已按期上传（仍不一致）,
    /// 逾期上传（仍不一致）, 已一致.
    let pending: Int
    let overdue: Int
    let reuploadedOnTime: Int
    let reuploadedLate: Int
    let consistent: Int
    let deadlineText: String

    init(_ row: ListProgress, states: ListStateCounts) {
        pending = states[.pending]
        overdue = states[.overdue]
        reuploadedOnTime = states[.onTime]
        reuploadedLate = states[.late]
        consistent = states[.consistent]
        deadlineText = BeijingTimeFormat.humanDeadline(end: row.deadline)
        listId = row.listID
        provinceCode = row.provinceCode
        provinceName = row.provinceName
        quarter = row.quarter.description
        official = row.official
        deadline = BeijingTimeFormat.isoSeconds(row.deadline)
        items = row.items
        onTime = row.onTime
        late = row.late
        outstanding = row.outstanding
        resolved = row.resolved
        workingDaysLeft = row.workingDaysLeft
        rate = row.rate.map { "\($0.numerator)/\($0.denominator)" }
        ratePercent = row.rate?.percentText
    }
}

/// `GET /api/scores`.
struct ScoresJSON: ResponseEncodable {
    let quarter: String?
    var scores: [ProvinceScoreJSON]
    /// `onNotice` (公示中), `noticeOver` (公示期已结束，待公布) or `published` (已公布); nil unscored.
    var stage: String? = nil
    /// The stage in words: `公示中，公示期至 2026-10-27 24:00（第2版）`.
    var stageLabel: String? = nil
    /// The version whose scores these are.
    var version: Int? = nil
    /// The last day of the public notice (第十一条: 公示期为5个工作日).
    var noticeEnds: String? = nil
    /// When the quarter was published (+08:00), once published.
    var publishedAt: String? = nil
}

/// One province's three indicator results.
struct ProvinceScoreJSON: ResponseEncodable, Sendable {
    let provinceCode: String
    let provinceName: String
    var indicators: [IndicatorScoreJSON]
    /// The subtotal out of 15, exact to the hundredth, e.g. `13.50`.
    var subtotal: String
    /// The rank among all provinces, once published (the bulletin's).
    var rank: Int? = nil
}

/// One indicator result.
struct IndicatorScoreJSON: ResponseEncodable, Sendable {
    let indicator: Int
    let numerator: Int?
    let denominator: Int?
    let ratePercent: String?
    /// Out of 5, e.g. `4.50`.
    let score: String
    let reasonCode: String
    let reason: String
    /// The band of the rate under the indicator's rule (`低于95%，每下降1%扣0.5分（95%时为4分）`), nil without a rate.
    var band: String? = nil
    /// The points deducted from 5 (`扣2.41分`, `未扣分`).
    var deduction: String? = nil
}

/// `GET /health`.
struct HealthJSON: ResponseEncodable {
    let status: String
    let database: String
}

/// Hundredths as `4.50`.
func hundredthsText(_ hundredths: Int) -> String {
    let sign = hundredths < 0 ? "-" : ""
    let value = abs(hundredths)
    return "\(sign)\(value / 100).\(value % 100 < 10 ? "0" : "")\(value % 100)"
}
