/// Text renderings of runs for the CLI (`recon runs`, `recon diff show`, `recon reconcile`).
import ReconRules

extension RunSummary {
    /// A table of runs, newest first.
    public static func renderTable(_ runs: [RunSummary]) -> String {
        guard !runs.isEmpty else { return "no runs" }
        var table = TextTable(headers: ["run", "province", "status", "started (Beijing)", "finished", "record sets",
                                        "keys", "differing", "rate"], rightAligned: [0, 6, 7, 8])
        for run in runs {
            table.rows.append([String(run.id), "\(run.provinceCode) \(run.provinceName)", run.status, run.startedAt,
                               run.finishedAt ?? "", run.recordSets.joined(separator: ","),
                               run.unionKeys.map(DiffProgress.grouped) ?? "", run.differingKeys.map(DiffProgress.grouped) ?? "",
                               run.rate?.percentText ?? ""])
        }
        var text = table.rendered()
        for run in runs where run.status == "failed" {
            text += "\nrun \(run.id) failed: \(run.error ?? "(no message)")"
        }
        return text
    }
}

extension RunReport {
    /// The readable summary of `recon diff show`.
    public func rendered() -> String {
        var lines: [String] = []
        lines.append("run \(run.id) · \(run.provinceCode) \(run.provinceName) · \(run.status) · started \(run.startedAt)"
                     + (run.finishedAt.map { " · finished \($0)" } ?? "") + " (Beijing time)")
        if let error = run.error { lines.append("error: \(error)") }
        if let rate = run.rate {
            lines.append("对账差异率 \(DiffProgress.grouped(rate.differing)) / \(DiffProgress.grouped(rate.union)) = \(rate.percentText) (exact fraction \(rate.differing)/\(rate.union))")
        }
        guard !sets.isEmpty else { return lines.joined(separator: "\n") }
        lines.append("")
        let headers = ["record set", "部 rows", "省 rows", "keys", "differing"] + DiffCategory.allCases.map(\.label) + ["rate", "seconds"]
        var table = TextTable(headers: headers, rightAligned: Set(1..<headers.count))
        for set in sets {
            table.rows.append(["\(set.recordSet) \(set.label)", DiffProgress.grouped(set.counts.ministryRows),
                               DiffProgress.grouped(set.counts.provinceRows), DiffProgress.grouped(set.counts.unionKeys),
                               DiffProgress.grouped(set.counts.differingKeys)]
                              + DiffCategory.allCases.map { DiffProgress.grouped(set.counts[$0]) }
                              + [set.counts.rate.percentText, set.seconds ?? ""])
        }
        lines.append(table.rendered())
        for skip in pairingSkipped { lines.append("疑似同一记录未配对 · " + skip.line) }
        for set in sets {
            let shown = differences[set.recordSet] ?? []
            guard !shown.isEmpty else { continue }
            lines.append("")
            lines.append("\(set.recordSet) \(set.label): \(shown.count == set.counts.differingKeys ? "all" : "first \(shown.count) of") \(DiffProgress.grouped(set.counts.differingKeys)) differing keys")
            for difference in shown {
                lines.append("  #\(difference.seq)  \(difference.keyText)  \(difference.category.label) (部 \(difference.ministryCount), 省 \(difference.provinceCount))")
                for field in difference.fields {
                    lines.append("      \(field.label) [\(field.column)]: 部 \(Self.quoted(field.ministry))  省 \(Self.quoted(field.province))")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A raw value for display: quoted, NULL as `NULL`, control characters visible (JSON escapes).
    static func quoted(_ value: String?) -> String {
        value.map(JSONString.quote) ?? "NULL"
    }
}

extension RunOutcome {
    /// What `recon reconcile` prints for a completed run.
    public func rendered(provinceName: String) -> String {
        var lines = ["run \(runID) · \(provinceCode) \(provinceName) · completed · 对账差异率 \(rate.percentText) (\(rate.differing)/\(rate.union))"]
        for set in sets {
            let parts = DiffCategory.allCases.filter { set.counts[$0] > 0 }.map { "\($0.label) \(DiffProgress.grouped(set.counts[$0]))" }
            lines.append("  \(set.recordSet) \(set.label): 部 \(DiffProgress.grouped(set.counts.ministryRows)) rows, 省 \(DiffProgress.grouped(set.counts.provinceRows)) rows, \(DiffProgress.grouped(set.counts.unionKeys)) keys, \(DiffProgress.grouped(set.counts.differingKeys)) differing"
                         + (parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")")
                         + (set.suspectPairs > 0 ? "; 疑似同一记录 \(set.suspectPairs) pair(s)" : "")
                         + (set.suspectPairingSkipped ? "; 疑似同一记录 not paired (more than \(DiffProgress.grouped(set.suspectPairingLimit)) one-sided differences)" : ""))
        }
        return lines.joined(separator: "\n")
    }
}
