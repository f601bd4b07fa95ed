import Hummingbird
import ReconKit
import ReconRules

/// Reads and checks query parameters; every bad value is a 400 whose message names it (English
/// for the API, Chinese on the pages).
struct QueryParameters {
    let request: Request
    var audit: RequestAudit? = nil

    /// The raw value of `name`, nil when absent.
    func string(_ name: String) -> String? { request.uri.queryParameters.get(name) }

    /// The value of `name`, nil when absent or empty (a form's empty field).
    func nonEmpty(_ name: String) -> String? { string(name).flatMap { $0.isEmpty ? nil : $0 } }

    /// An integer in `range`, `fallback` when absent.
    func int(_ name: String, in range: ClosedRange<Int>, default fallback: Int) throws -> Int {
        guard let text = string(name) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw PortalError(.badRequest, "\(name) must be an integer from \(range.lowerBound) to \(range.upperBound), got \(text)",
                              chinese: "参数 \(name) 应为 \(range.lowerBound) 到 \(range.upperBound) 之间的整数，收到「\(text)」。")
        }
        return value
    }

    /// A quarter such as `2026Q4`, nil when absent.
    func quarter() throws -> Quarter? {
        guard let text = nonEmpty("quarter") else { return nil }
        guard let quarter = Quarter(text) else {
            throw PortalError(.badRequest, "quarter must look like 2026Q4, got \(text)",
                              chinese: "参数 quarter（季度）应形如 2026Q4，收到「\(text)」。")
        }
        return quarter
    }

    /// The province the caller asks about: its own for a province token (another province's code
    /// is answered 404, as if it did not exist, and logged as `cross-province`); for the ministry,
    /// `?province=` or nil for all.
    func province(for caller: PortalCaller) throws -> String? {
        let asked = nonEmpty("province")
        if let asked { try Self.checkProvince(asked) }
        guard let own = caller.provinceCode else { return asked }
        if let asked, asked != own {
            audit?.note("cross-province")
            throw PortalError(.notFound, "no such province", chinese: "没有该省份的数据，或您无权查看。")
        }
        return own
    }

    static func checkProvince(_ code: String) throws {
        guard code.utf8.count == 6 && code.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw PortalError(.badRequest, "province must be a 6-digit code such as 410000, got \(code)",
                              chinese: "参数 province（省份代码）应为6位数字，如 410000，收到「\(code)」。")
        }
    }

    /// The list format (`csv` or `xlsx`, default `xlsx` as `recon lists export`).
    func format() throws -> ListFormat {
        guard let text = string("format") else { return .xlsx }
        guard let format = ListFormat(rawValue: text) else {
            throw PortalError(.badRequest, "format must be csv or xlsx, got \(text)", chinese: "参数 format 应为 csv 或 xlsx，收到「\(text)」。")
        }
        return format
    }

    /// The items filter of `list`: `set` (a record set of its run), `category`, `status`
    /// (pending, overdue, ontime, late, consistent, or outstanding = all but consistent) and `q`
    /// (a part of the key, at most 100 characters).
    func itemFilter(of list: RectificationList) throws -> ListItemFilter {
        var filter = ListItemFilter()
        if let set = nonEmpty("set") {
            guard list.recordSets.contains(set) else {
                throw PortalError(.badRequest, "set must be one of \(list.recordSets.joined(separator: ", ")), got \(set)",
                                  chinese: "参数 set（数据类别）应为 \(list.recordSets.joined(separator: "、")) 之一，收到「\(set)」。")
            }
            filter.recordSet = set
        }
        if let category = nonEmpty("category") {
            guard ListSummary.categoryOrder.contains(category) else {
                throw PortalError(.badRequest, "category must be one of \(ListSummary.categoryOrder.joined(separator: ", ")), got \(category)",
                                  chinese: "参数 category（差异类型）无效：「\(category)」。")
            }
            filter.category = category
        }
        if let status = nonEmpty("status") {
            if status == "outstanding" {
                filter.states = Set(ItemProgressState.allCases.filter { $0 != .consistent })
            } else if let state = ItemProgressState(rawValue: status) {
                filter.states = [state]
            } else {
                throw PortalError(.badRequest, "status must be one of outstanding, pending, overdue, ontime, late, consistent, got \(status)",
                                  chinese: "参数 status（整改状态）无效：「\(status)」。")
            }
        }
        if let q = nonEmpty("q") {
            guard q.count <= 100, !q.unicodeScalars.contains(where: { $0.value < 32 }) else {
                throw PortalError(.badRequest, "q must be at most 100 printable characters",
                                  chinese: "参数 q（关键字）最多100个字符，且不能含控制字符。")
            }
            filter.keyContains = q
        }
        return filter
    }
}
