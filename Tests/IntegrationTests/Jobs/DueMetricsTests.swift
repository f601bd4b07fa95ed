import Foundation
import ReconKit
import ReconRules
@testable import ReconSample
import Testing

@Suite("recon due metrics file")
struct DueMetricsTests {
    @Test func metricsNameOutcomesAndLastRuns() throws {
        let fixture = try DueFixture(codes: ["410000", "420000"])
        let outcomes = try fixture.due()
        let text = try DueMetrics.text(outcomes: outcomes, exitCode: ExitCodes.of(outcomes),
                                       at: Date(timeIntervalSince1970: 1_790_000_000), results: try fixture.results.connect())
        #expect(text.contains("recon_due_last_run_timestamp_seconds 1790000000\n"))
        #expect(text.contains("recon_due_exit_code 0\n"))
        #expect(text.contains("recon_due_outcomes{step=\"reconcile\",status=\"done\"} 2\n"))
        // The runs were recorded at the pretended instant 2026-07-02 09:00 Beijing = 1782954000 (+ elapsed).
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("recon_last_reconcile_success_timestamp_seconds{province=\"410000\"}") })
        let seconds = try #require(Int(line.split(separator: " ").last!))
        #expect((1_782_954_000...1_782_954_060).contains(seconds))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("recon-\(UUID().uuidString).prom").path
        try DueMetrics.write(text, to: path)
        try DueMetrics.write(text, to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }
}
