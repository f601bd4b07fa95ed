import Foundation
import ReconRules

/// Small JSON helpers for values the results database hands over as JSON text.
enum JSONText {
    /// A JSON array of strings, e.g. `["operators","vehicles"]`.
    static func strings(_ text: String, what: String) throws -> [String] {
        do {
            return try JSONDecoder().decode([String].self, from: Data(text.utf8))
        } catch {
            throw ListError.malformed(what: what, value: text)
        }
    }

    /// A JSON array of strings or nulls, e.g. `["豫A12345",null]`.
    static func optionalStrings(_ text: String, what: String) throws -> [String?] {
        do {
            return try JSONDecoder().decode([String?].self, from: Data(text.utf8))
        } catch {
            throw ListError.malformed(what: what, value: text)
        }
    }

    /// A JSON object of strings or nulls, e.g. `{"vin":"LGB…","seats":null}`.
    static func optionalStringMap(_ text: String, what: String) throws -> [String: String?] {
        do {
            return try JSONDecoder().decode([String: String?].self, from: Data(text.utf8))
        } catch {
            throw ListError.malformed(what: what, value: text)
        }
    }
}
