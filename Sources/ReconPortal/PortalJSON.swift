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

/// `GET /api/lists/{id}`: the list and one page of its items.
struct ListDetailJSON: ResponseEncodable {
    let list: ListJSON
    let page: Int
    let size: Int
    let pages: Int
    let items: [ListItemJSON]
}

/// One item (整改条目) of a list.
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

    init(_ row: ListProgress) {
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
    let scores: [ProvinceScoreJSON]
}

/// One province's three indicator results.
struct ProvinceScoreJSON: ResponseEncodable, Sendable {
    let provinceCode: String
    let provinceName: String
    var indicators: [IndicatorScoreJSON]
    /// The subtotal out of 15, exact to the hundredth, e.g. `13.50`.
    var subtotal: String
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
