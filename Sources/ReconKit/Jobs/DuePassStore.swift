import Foundation
import PostgresClient
import ReconRules

/// One recorded `recon due` pass (`recon.due_passes`; README "Monitoring").
public struct DuePass: Sendable, Equatable {
    /// Host that ran it.
    public var host: String
    /// The instant it was for (the clock, or `--now`).
    public var passAt: Date
    /// Whether `passAt` was pretended.
    public var pretended: Bool
    /// 0, 1 or 75.
    public var exitCode: Int32
    /// The failed outcomes' lines.
    public var failures: [String]
}

/// Records the passes of `recon due` and reads the last one back.
public struct DuePassStore {
    let connection: Connection

    /// A store over a migrated results database.
    public init(connection: Connection) { self.connection = connection }

    /// Records a pass that started at `startedAt` (real clock) for `passAt`.
    public func record(outcomes: [DueOutcome], exitCode: Int32, planDate: CivilDate, passAt: Date, pretended: Bool,
                       startedAt: Date, host: String = ProcessInfo.processInfo.hostName) throws {
        var counts: [String: [String: Int]] = [:]
        for outcome in outcomes { counts[outcome.step, default: [:]][outcome.status.rawValue, default: 0] += 1 }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(counts), as: UTF8.self)
        let failures = outcomes.filter { $0.status == .failed }.map(\.description)
        try connection.execute("""
            INSERT INTO recon.due_passes (host, pid, plan_date, pass_at, pretended, started_at, finished_at, exit_code, step_counts, failures)
            VALUES ($1, $2, $3::date, to_timestamp($4::double precision), $5, to_timestamp($6::double precision), greatest(now(), to_timestamp($6::double precision)), $7, $8::jsonb, $9::text[])
            """, [host.isEmpty ? "unknown" : host, String(ProcessInfo.processInfo.processIdentifier), planDate.description,
                  String(passAt.timeIntervalSince1970), pretended ? "true" : "false", String(startedAt.timeIntervalSince1970),
                  String(exitCode), json, PostgresArray.text(failures)])
    }

    /// The latest pass by the instant it was for (`nil`: none yet).
    public func latest() throws -> DuePass? {
        guard let row = try connection.execute("""
            SELECT host, extract(epoch FROM pass_at)::float8 AS at, pretended, exit_code, array_to_json(failures)::text AS failures
            FROM recon.due_passes ORDER BY pass_at DESC, id DESC LIMIT 1
            """).rows.first else { return nil }
        return DuePass(host: try row.string("host"), passAt: Date(timeIntervalSince1970: Double(try row.string("at")) ?? 0),
                       pretended: try row.bool("pretended"), exitCode: Int32(try row.int("exit_code")),
                       failures: try JSONText.strings(try row.string("failures"), what: "due_passes.failures"))
    }

    /// The instant of the latest pass that ended 0 (`nil`: none).
    public func lastSuccess() throws -> Date? {
        let row = try connection.execute("SELECT extract(epoch FROM max(pass_at))::float8 AS at FROM recon.due_passes WHERE exit_code = 0").singleRow()
        return row["at"].flatMap(Double.init).map(Date.init(timeIntervalSince1970:))
    }
}
