import Foundation
import PostgresClient
import ReconKit
import ReconRules
@testable import ReconSample
import ReconTestSupport
import Testing

@Suite("Issuing rectification lists")
struct ListIssuerTests {
    /// Three differences in two sets, inserted out of order: 序号 follows the run's set order, then key order.
    func seed(_ fixture: ListFixture, official: Bool = false) throws -> Int64 {
        let run = try fixture.run(differing: 3, official: official)
        try fixture.difference(run: run, set: "vehicles", seq: 2, key: [("plate_number", "豫A00002"), ("plate_colour", "2")],
                               category: "province_only", ministryCount: 0)
        try fixture.difference(run: run, set: "vehicles", seq: 1, key: [("plate_number", "豫A00001"), ("plate_colour", "2")],
                               category: "ministry_only", provinceCount: 0)
        try fixture.difference(run: run, set: "operators", seq: 1, key: [("licence_no", "410100000001")],
                               category: "field_mismatch",
                               fields: [("name", "经营业户名称", "甲公司", "乙公司")])
        return run
    }

    @Test func issuingTwiceGivesOneList() throws {
        let fixture = try ListFixture("issue2")
        let run = try seed(fixture)
        let issuer = ListIssuer(connection: fixture.results)
        let first = try issuer.issue(runID: run, issuedAt: at("2025-09-30T10:00:00+08:00"))
        let second = try issuer.issue(runID: run, issuedAt: at("2025-10-09T10:00:00+08:00"))
        #expect(first.created)
        #expect(!second.created)
        #expect(second.list == first.list)
        #expect(try fixture.results.execute("SELECT count(*) AS n FROM recon.lists").singleRow().int("n") == 1)
        #expect(first.list.itemCount == 3)
        let items = try fixture.results.execute(
            "SELECT item_no, record_set, key_text FROM recon.list_items WHERE list_id = $1 ORDER BY item_no",
            [String(first.list.id)]).rows.map { [$0["item_no"], $0["record_set"], $0["key_text"]] }
        #expect(items == [["1", "operators", "410100000001"], ["2", "vehicles", "豫A00001 / 2"], ["3", "vehicles", "豫A00002 / 2"]])

        // The run is a self-check: its list is 自查, and --official is refused with the reason.
        #expect(!first.list.official)
        let refusal = try #require(throws: ListError.self) { try issuer.issue(runID: run, official: true) }
        #expect(refusal.description.contains("not an official run"))
        #expect(!(try issuer.issue(runID: run).list.official))
    }

    @Test func concurrentIssuersMakeOneList() throws {
        let fixture = try ListFixture("issueconc")
        let run = try seed(fixture)
        let connections = try (0..<4).map { _ in try fixture.resultsDB.connect() }
        let created = Counter()
        DispatchQueue.concurrentPerform(iterations: connections.count) { index in
            if let outcome = try? ListIssuer(connection: connections[index]).issue(runID: run), outcome.created {
                created.increment()
            }
        }
        #expect(created.value == 1)
        #expect(try fixture.results.execute("SELECT count(*) AS n FROM recon.lists").singleRow().int("n") == 1)
        #expect(try fixture.results.execute("SELECT count(*) AS n FROM recon.list_items").singleRow().int("n") == 3)
    }

    /// docs/rules.md *11*: issued 2025-09-30 → Oct 1–8 holiday, Oct 11 (Sat) a make-up working day →
    /// days 1..5 = Oct 9, 10, 11, 13, 14 → deadline 2025-10-14 24:00 (stored as the exclusive end).
    @Test func deadlineAcrossNationalDayAndAMakeUpSaturday() throws {
        let fixture = try ListFixture("issuedl")
        let run = try seed(fixture, official: true)
        let outcome = try ListIssuer(connection: fixture.results).issue(runID: run, official: true,
                                                                         issuedAt: at("2025-09-30T10:00:00+08:00"))
        #expect(outcome.list.deadline == at("2025-10-15T00:00:00+08:00"))
        #expect(outcome.list.issuedAt == at("2025-09-30T10:00:00+08:00"))
        #expect(outcome.list.quarter.description == "2025Q3")
        #expect(outcome.list.official)
        #expect(!outcome.list.assumedWeekends)
        #expect(outcome.list.calendarVersion == WorkdayCalendar.builtIn.versionHash)
        let stored = try fixture.results.execute(
            "SELECT deadline = '2025-10-15 00:00:00+08'::timestamptz AS exact FROM recon.lists WHERE id = $1",
            [String(outcome.list.id)]).singleRow()
        #expect(try stored.bool("exact"))
    }

    @Test func quarterIsTheRunsFinishInBeijing() throws {
        let fixture = try ListFixture("issueq")
        // 2025-09-30T16:30Z is 2025-10-01 00:30 Beijing: the run finished in Q4.
        let run = try fixture.run(finishedAt: "2025-09-30T16:30:00Z", differing: 0)
        let outcome = try ListIssuer(connection: fixture.results).issue(runID: run, issuedAt: at("2025-10-09T09:00:00+08:00"))
        #expect(outcome.list.quarter.description == "2025Q4")
        #expect(outcome.list.itemCount == 0)
    }

    @Test func unknownYearIsRefusedUnlessAssumed() throws {
        let fixture = try ListFixture("issueyr")
        let run = try fixture.run(finishedAt: "2026-12-28T09:00:00+08:00", differing: 0)
        let issuer = ListIssuer(connection: fixture.results)
        #expect {
            try issuer.issue(runID: run, issuedAt: at("2026-12-28T10:00:00+08:00"))
        } throws: { error in
            guard case ListError.deadlineNeedsUnknownYear(let id, _, let message) = error else { return false }
            return id == run && message.contains("2027")
        }
        #expect(try fixture.results.execute("SELECT count(*) AS n FROM recon.lists").singleRow().int("n") == 0)
        let assumed = try issuer.issue(runID: run, issuedAt: at("2026-12-28T10:00:00+08:00"), assumeOrdinaryWeekends: true)
        #expect(assumed.list.assumedWeekends)
        // Dec 29, 30, 31, then 2027 as ordinary weeks: Jan 1 (Fri), Jan 4 (Mon).
        #expect(assumed.list.deadline == at("2027-01-05T00:00:00+08:00"))
    }

    @Test func onlyCompletedConsistentRunsAreIssued() throws {
        let fixture = try ListFixture("issuebad")
        let issuer = ListIssuer(connection: fixture.results)
        #expect(throws: ListError.runNotFound(runID: 999)) { try issuer.issue(runID: 999) }
        let running = try fixture.run(status: "running")
        #expect(throws: ListError.runNotCompleted(runID: running, status: "running")) { try issuer.issue(runID: running) }
        let inconsistent = try fixture.run(differing: 5)
        try fixture.difference(run: inconsistent, set: "operators", seq: 1, key: [("licence_no", "1")], category: "ministry_only")
        #expect(throws: ListError.runInconsistent(runID: inconsistent, recorded: 5, stored: 1)) { try issuer.issue(runID: inconsistent) }
    }
}

/// A thread-safe counter for concurrency tests.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
