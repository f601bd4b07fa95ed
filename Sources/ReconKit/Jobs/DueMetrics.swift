import Foundation
import PostgresClient
import ReconRules

/// A Prometheus text-format file for node_exporter's textfile collector: this `recon due`'s outcome
/// and, per province, the last completed reconciliation (time, keys, differing keys).
public enum DueMetrics {
    /// The file's text.
    public static func text(outcomes: [DueOutcome], exitCode: Int32, at instant: Date, results: Connection) throws -> String {
        var lines = [
            "# HELP recon_due_last_run_timestamp_seconds When recon due last finished.",
            "# TYPE recon_due_last_run_timestamp_seconds gauge",
            "recon_due_last_run_timestamp_seconds \(Int(instant.timeIntervalSince1970))",
            "# HELP recon_due_exit_code Exit code of the last recon due (0 ok, 1 failed step, 75 held by another copy).",
            "# TYPE recon_due_exit_code gauge",
            "recon_due_exit_code \(exitCode)",
            "# HELP recon_due_outcomes Pieces of work of the last recon due, by step and status.",
            "# TYPE recon_due_outcomes gauge",
        ]
        let grouped = Dictionary(grouping: outcomes) { "\($0.step)\u{1}\($0.status.rawValue)" }
        for key in grouped.keys.sorted() {
            let parts = key.split(separator: "\u{1}")
            lines.append("recon_due_outcomes{step=\"\(parts[0])\",status=\"\(parts[1])\"} \(grouped[key]!.count)")
        }
        lines += [
            "# HELP recon_due_step_ok Whether every piece of a step of the last recon due ended without failing (1) or not (0).",
            "# TYPE recon_due_step_ok gauge",
        ]
        for step in Set(outcomes.map(\.step)).sorted() {
            let ok = !outcomes.contains { $0.step == step && $0.status == .failed }
            lines.append("recon_due_step_ok{step=\"\(step)\"} \(ok ? 1 : 0)")
        }
        lines += [
            "# HELP recon_due_last_success_timestamp_seconds When the last recon due pass that exited 0 ran (any host; recon.due_passes).",
            "# TYPE recon_due_last_success_timestamp_seconds gauge",
        ]
        if let success = try? DuePassStore(connection: results).lastSuccess() {
            lines.append("recon_due_last_success_timestamp_seconds \(Int(success.timeIntervalSince1970))")
        }
        lines += [
            "# HELP recon_last_reconcile_success_timestamp_seconds Finish time of the province's last completed reconciliation.",
            "# TYPE recon_last_reconcile_success_timestamp_seconds gauge",
            "# HELP recon_last_reconcile_keys Distinct keys (union) of that run.",
            "# TYPE recon_last_reconcile_keys gauge",
            "# HELP recon_last_reconcile_differing_keys Differing keys of that run.",
            "# TYPE recon_last_reconcile_differing_keys gauge",
        ]
        let rows = try results.execute("""
            SELECT DISTINCT ON (province_code) province_code, extract(epoch FROM finished_at)::bigint AS at,
                   union_keys, differing_keys
            FROM recon.runs WHERE status = 'completed' ORDER BY province_code, finished_at DESC
            """).rows
        for row in rows {
            let province = try row.string("province_code")
            lines.append("recon_last_reconcile_success_timestamp_seconds{province=\"\(province)\"} \(try row.int("at"))")
            lines.append("recon_last_reconcile_keys{province=\"\(province)\"} \(try row.int("union_keys"))")
            lines.append("recon_last_reconcile_differing_keys{province=\"\(province)\"} \(try row.int("differing_keys"))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the file atomically (a temporary file renamed over it), as the textfile collector wants.
    public static func write(_ text: String, to path: String) throws {
        let temporary = path + ".tmp.\(ProcessInfo.processInfo.processIdentifier)"
        try text.write(toFile: temporary, atomically: false, encoding: .utf8)
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: temporary, toPath: path)
    }
}
