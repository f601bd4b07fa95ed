import ArgumentParser
import Foundation
import PostgresClient
import ReconKit
import ReconRules

/// The one path every command-line argument goes through once it has parsed (README "Exit codes"):
/// a value the command cannot use — one naming nothing that exists (`--list 999999`), out of its
/// range (`--rate 150%`, `nth-workday 2025-10 99`) or empty (`--text "   "`) — is a usage error,
/// exit 64, whose message names the argument and says why; it is found before anything is written.
/// Parsing itself is `ArgumentValue`'s (also 64), configured names `argumentProvince`/`argumentRecordSet`.
enum ArgumentCheck {
    /// A usage error naming `argument` (e.g. `--list 999999`).
    static func refused(_ argument: String, _ why: String) -> ValidationError { ValidationError("\(argument): \(why)") }

    /// `body`'s value; any error it throws means `argument` is unusable (64), said with the error.
    /// For computations on arguments alone (a what-if, a calendar question), never for work.
    static func using<T>(_ argument: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as ValidationError { throw error } catch let error as ExitStatusPassThrough {
            throw error.error
        } catch {
            throw refused(argument, String(describing: error))
        }
    }

    /// A calendar answer: a count out of range or past what the period holds names `argument`;
    /// other refusals (a year whose notice is not loaded) stay what they are.
    static func calendar<T>(_ argument: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as WorkdayCalendarError {
            switch error {
            case .invalidCount, .notEnoughWorkingDays: throw refused(argument, String(describing: error))
            case .unknownYear, .unknownPolicy: throw error
            }
        }
    }

    /// Refuses text that is empty once trimmed.
    static func nonEmpty(_ argument: String, _ text: String) throws {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw refused(argument, "must not be empty") }
    }

    /// The rows of `recon.<table>` an id argument must name.
    enum Row: String {
        case run = "runs", list = "lists", objection = "objections", token = "portal_tokens"
        var noun: String {
            switch self {
            case .run: return "run"
            case .list: return "list"
            case .objection: return "objection"
            case .token: return "token"
            }
        }
    }

    /// Refuses an id that names no row of `row`'s table (read only; the schema must exist).
    static func existing(_ argument: String, _ id: Int64, _ row: Row, on results: Connection) throws {
        try ResultsSchema.require(on: results)
        let found = try results.execute("SELECT count(*) AS n FROM recon.\(row.rawValue) WHERE id = $1", [String(id)]).singleRow().int("n")
        if found == 0 { throw refused(argument, "no \(row.noun) \(id) in the results database") }
    }

    /// Refuses a province code that is not six digits (a code's form, identifiers.md).
    static func provinceCode(_ argument: String, _ code: String) throws {
        if code.count != 6 || !code.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw refused(argument, "\"\(code)\" is not a province code (six digits, e.g. 410000)")
        }
    }
}

/// The results schema a read-only command needs: a database never migrated is a configuration
/// problem (exit 78) with the next step, not a raw SQL error.
enum ResultsSchema {
    static func require(on results: Connection) throws {
        let present = try results.execute("SELECT to_regclass('recon.schema_migrations') IS NOT NULL AS ok").singleRow().bool("ok")
        if !present {
            throw ConfigError("the results database (\(results.redactedConninfo)) has no recon schema: run `recon migrate --config recon.toml` (or --db DSN) first")
        }
    }
}
