import ReconKit
import ReconRules

/// A small ordered JSON value for `--json` outputs (keys keep the order they are given in).
enum JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral {
    case string(String)
    case bool(Bool)
    case int(Int)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int) { self = .int(value) }

    /// Compact JSON text (UTF-8 kept as is, not \u-escaped).
    var rendered: String {
        switch self {
        case .string(let s): return JSONString.quote(s)
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .null: return "null"
        case .array(let items): return "[" + items.map(\.rendered).joined(separator: ",") + "]"
        case .object(let pairs): return "{" + pairs.map { JSONString.quote($0.0) + ":" + $0.1.rendered }.joined(separator: ",") + "}"
        }
    }
}
