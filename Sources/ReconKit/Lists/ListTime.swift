import Foundation
import ReconRules

/// How instants travel to and from PostgreSQL as whole microseconds (formatting for people and for
/// SQL parameters is ``BeijingTimeFormat``).
///
/// All times are Beijing time (注1: 系统所涉及时间以北京时间为准). Instants go to the database as text
/// with a `+08:00` offset and to the microsecond (PostgreSQL's precision), and come back as whole
/// microseconds since 1970 (`extract(epoch …)` is exact `numeric` from PostgreSQL 14 on), so that no
/// instant drifts across a deadline through rounding.
public enum ListTime {
    /// The SQL expression giving a `timestamptz` expression as whole microseconds since 1970.
    static func microsSQL(_ expression: String) -> String {
        "(extract(epoch FROM \(expression)) * 1000000)::bigint"
    }

    /// The instant of a text holding whole microseconds since 1970 (as `microsSQL` returns).
    static func instant(micros text: String, what: String) throws -> Date {
        guard let micros = Int64(text) else { throw ListError.malformed(what: what, value: text) }
        return BeijingTime.instant(microsecondsSince1970: micros)
    }

    /// `instant(micros:what:)` for a value that may be NULL.
    static func optionalInstant(micros text: String?, what: String) throws -> Date? {
        guard let text else { return nil }
        return try instant(micros: text, what: what)
    }
}
