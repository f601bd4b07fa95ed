import Hummingbird
import ReconKit
import ReconRules

/// Reads and checks query parameters; every bad value is a 400 whose message names it.
struct QueryParameters {
    let request: Request

    /// The raw value of `name`, nil when absent.
    func string(_ name: String) -> String? { request.uri.queryParameters.get(name) }

    /// An integer in `range`, `fallback` when absent.
    func int(_ name: String, in range: ClosedRange<Int>, default fallback: Int) throws -> Int {
        guard let text = string(name) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw HTTPError(.badRequest, message: "\(name) must be an integer from \(range.lowerBound) to \(range.upperBound), got \(text)")
        }
        return value
    }

    /// A quarter such as `2026Q4`, nil when absent.
    func quarter() throws -> Quarter? {
        guard let text = string("quarter") else { return nil }
        guard let quarter = Quarter(text) else {
            throw HTTPError(.badRequest, message: "quarter must look like 2026Q4, got \(text)")
        }
        return quarter
    }

    /// The province the caller asks about: its own for a province token (another province's code
    /// is answered 404, as if it did not exist); for the ministry, `?province=` or nil for all.
    func province(for caller: PortalCaller) throws -> String? {
        let asked = string("province")
        if let asked, !(asked.utf8.count == 6 && asked.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }) {
            throw HTTPError(.badRequest, message: "province must be a 6-digit code such as 410000, got \(asked)")
        }
        guard let own = caller.provinceCode else { return asked }
        if let asked, asked != own { throw HTTPError(.notFound, message: "no such province") }
        return own
    }

    /// The list format (`csv` or `xlsx`, default `xlsx` as `recon lists export`).
    func format() throws -> ListFormat {
        guard let text = string("format") else { return .xlsx }
        guard let format = ListFormat(rawValue: text) else {
            throw HTTPError(.badRequest, message: "format must be csv or xlsx, got \(text)")
        }
        return format
    }
}
