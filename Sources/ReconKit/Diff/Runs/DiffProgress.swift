import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
import ReconRules
#endif

/// The progress line on stderr while a record set is diffed: rows read, rows per second, and the
/// share of the larger side done by the planner's estimate. Shown only when stderr is a terminal
/// (quiet in cron and pipes), at most twice a second; used from the merging thread only.
public final class DiffProgress {
    /// Whether stderr is a terminal.
    public static var stderrIsTerminal: Bool { isatty(2) == 1 }

    private let enabled: Bool
    private let label: String
    private let estimate: Int?
    private let started = ContinuousClock.now
    private var lastShown = ContinuousClock.now
    private var ministryRows = 0
    private var provinceRows = 0
    private var shown = false

    /// A progress line for `label` (e.g. `410000 vehicles 营运车辆`); `estimate`: rows of the larger side.
    public init(enabled: Bool, label: String, estimate: Int?) {
        self.enabled = enabled
        self.label = label
        self.estimate = estimate
    }

    /// Notes a batch of `rows` rows received from `side`.
    func batch(_ side: DiffSide, rows: Int) {
        guard enabled else { return }
        if side == .ministry { ministryRows += rows } else { provinceRows += rows }
        let now = ContinuousClock.now
        guard now - lastShown >= .milliseconds(500) else { return }
        lastShown = now
        show(now: now)
    }

    /// The line as it would be shown now (for tests: no terminal needed).
    func line(elapsedMilliseconds: Int) -> String {
        let rows = ministryRows + provinceRows
        let perSecond = elapsedMilliseconds > 0 ? rows * 1000 / elapsedMilliseconds : 0
        var text = "\(label): \(Self.grouped(rows)) rows, \(Self.grouped(perSecond)) rows/s"
        if let estimate, estimate > 0 {
            let larger = max(ministryRows, provinceRows)
            text += ", \(min(99, larger * 100 / estimate))% of ~\(Self.grouped(estimate))"
        }
        return text
    }

    private func show(now: ContinuousClock.Instant) {
        let elapsed = now - started
        let milliseconds = Int(elapsed.components.seconds) * 1000 + Int(elapsed.components.attoseconds / 1_000_000_000_000_000)
        write("\r\u{1B}[K" + line(elapsedMilliseconds: milliseconds))
        shown = true
    }

    /// Clears the line.
    public func finish() {
        guard enabled, shown else { return }
        write("\r\u{1B}[K")
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// `1234567` → `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }
}
