import Foundation
import PostgresClient
import ReconKit
import ReconRules
@testable import ReconSample
import ReconTestSupport
import Testing

@Suite("Tracking re-uploads")
struct ListTrackingTests {
    static let issued = "2025-09-30T10:00:00+08:00"

    /// Issues a list of vehicles differences (issued 2025-09-30 10:00, deadline 2025-10-15T00:00+08).
    func issue(_ fixture: ListFixture, _ differences: [(plate: String, category: String, mc: Int, pc: Int)]) throws -> RectificationList {
        let run = try fixture.run(differing: differences.count)
        for (seq, difference) in differences.enumerated() {
            try fixture.difference(run: run, set: "vehicles", seq: seq + 1,
                                   key: [("plate_number", difference.plate), ("plate_colour", "2")],
                                   category: difference.category, ministryCount: difference.mc, provinceCount: difference.pc,
                                   fields: difference.category == "field_mismatch"
                                       ? [("vin", "车辆识别代号(VIN)", "LGBH52E0XGY000001", "LGBH52E0XGY000002")] : [])
        }
        return try ListIssuer(connection: fixture.results).issue(runID: run, issuedAt: at(Self.issued)).list
    }

    func isTrue(_ fixture: ListFixture, _ sql: String, _ parameters: [String?]) throws -> Bool {
        try fixture.results.execute("SELECT (\(sql)) AS ok", parameters).singleRow().bool("ok")
    }

    /// On time ⇔ 报送时间 < the exclusive deadline end (2025-10-15 00:00 Beijing).
    @Test func onTimeVersusLateAtTheExactDeadlineInstant() throws {
        let fixture = try ListFixture("trkdl")
        let list = try issue(fixture, [("豫A00001", "field_mismatch", 1, 1), ("豫A00002", "field_mismatch", 1, 1),
                                       ("豫A00003", "field_mismatch", 1, 1)])
        try fixture.ministryVehicle("豫A00001", "2", vin: "LGBH52E0XGY000002", submittedAt: "2025-10-14T23:59:59.999999+08:00")
        try fixture.ministryVehicle("豫A00002", "2", vin: "LGBH52E0XGY000002", submittedAt: "2025-10-15T00:00:00+08:00")
        try fixture.ministryVehicle("豫A00003", "2", vin: "LGBH52E0XGY000001", submittedAt: "2025-09-29T12:00:00+08:00")
        for plate in ["豫A00001", "豫A00002", "豫A00003"] {
            try fixture.provinceVehicle(plate, "2", vin: "LGBH52E0XGY000002")
        }
        let report = try fixture.tracker().track(at: at("2025-10-16T09:00:00+08:00"))
        #expect(report.lists.map(\.newlyReuploaded) == [2])
        let id = String(list.id)
        #expect(try isTrue(fixture, """
            SELECT on_time AND reupload_kind = 'reupload' AND reuploaded_at = '2025-10-14 23:59:59.999999+08'::timestamptz
            FROM recon.list_items WHERE list_id = $1 AND item_no = 1
            """, [id]))
        #expect(try isTrue(fixture, """
            SELECT NOT on_time AND reuploaded_at = '2025-10-15 00:00:00+08'::timestamptz
            FROM recon.list_items WHERE list_id = $1 AND item_no = 2
            """, [id]))
        // Submitted before the issue: not a re-upload; and the VIN still differs.
        #expect(try isTrue(fixture, "SELECT reuploaded_at IS NULL AND on_time IS NULL AND NOT resolved FROM recon.list_items WHERE list_id = $1 AND item_no = 3", [id]))
        // The re-uploads made the rows equal: resolved.
        #expect(try isTrue(fixture, "SELECT bool_and(resolved) FROM recon.list_items WHERE list_id = $1 AND item_no IN (1, 2)", [id]))

        let progress = try ListProgressQuery(connection: fixture.results).rows(now: at("2025-10-16T09:00:00+08:00"))
        #expect(progress.count == 1)
        let figures: [Int] = [progress[0].items, progress[0].onTime, progress[0].late, progress[0].outstanding, progress[0].resolved]
        #expect(figures == [3, 1, 1, 1, 2])
        #expect(progress[0].rate?.percentText == "33.33")
        #expect(progress[0].workingDaysLeft == 0)
        #expect(progress[0].overdue(now: at("2025-10-16T09:00:00+08:00")) == 1)
    }

    /// 部有省无 items answered by a cancellation (deleted flag with a new 报送时间) or by the row's
    /// removal (recorded at the check time).
    @Test func cancelledItems() throws {
        let fixture = try ListFixture("trkdel")
        let list = try issue(fixture, [("豫A00001", "ministry_only", 1, 0), ("豫A00002", "ministry_only", 1, 0),
                                       ("豫A00003", "ministry_only", 1, 0), ("豫A00004", "ministry_only", 1, 0)])
        try fixture.ministryVehicle("豫A00001", "2", vin: "X", submittedAt: "2025-10-10T15:00:00+08:00", deleted: true)
        try fixture.ministryVehicle("豫A00002", "2", vin: "X", submittedAt: "2025-09-02T15:00:00+08:00")
        // 豫A00003: the row vanished. 豫A00004: untouched since before the issue.
        try fixture.ministryVehicle("豫A00004", "2", vin: "X", submittedAt: "2025-09-01T15:00:00+08:00")

        let firstCheck = at("2025-10-13T18:00:00+08:00")
        try fixture.tracker().track(at: firstCheck)
        let id = String(list.id)
        #expect(try isTrue(fixture, """
            SELECT reupload_kind = 'deleted' AND on_time AND resolved AND reuploaded_at = '2025-10-10 15:00+08'::timestamptz
            FROM recon.list_items WHERE list_id = $1 AND item_no = 1
            """, [id]))
        // Not answered yet at the first check.
        #expect(try isTrue(fixture, "SELECT reuploaded_at IS NULL FROM recon.list_items WHERE list_id = $1 AND item_no = 2", [id]))
        // Vanished: deleted at the check time, before the deadline → on time.
        #expect(try isTrue(fixture, """
            SELECT reupload_kind = 'deleted' AND on_time AND resolved AND reuploaded_at = $2::timestamptz AND checked_at = $2::timestamptz
            FROM recon.list_items WHERE list_id = $1 AND item_no = 3
            """, [id, BeijingTimeFormat.sql(firstCheck)]))
        #expect(try isTrue(fixture, "SELECT reuploaded_at IS NULL AND NOT resolved FROM recon.list_items WHERE list_id = $1 AND item_no = 4", [id]))

        // Cancelled after the deadline.
        try fixture.ministry.execute("UPDATE vehicles SET deleted = true, submitted_at = '2025-10-20 15:00+08' WHERE plate_number = '豫A00002'")
        try fixture.tracker().track(at: at("2025-10-21T09:00:00+08:00"))
        #expect(try isTrue(fixture, """
            SELECT reupload_kind = 'deleted' AND NOT on_time AND reuploaded_at = '2025-10-20 15:00+08'::timestamptz
            FROM recon.list_items WHERE list_id = $1 AND item_no = 2
            """, [id]))
        // The vanished row keeps its first-seen time.
        #expect(try isTrue(fixture, "SELECT reuploaded_at = $2::timestamptz FROM recon.list_items WHERE list_id = $1 AND item_no = 3",
                           [id, BeijingTimeFormat.sql(firstCheck)]))
    }

    @Test func trackingTwiceChangesNothingTheSecondTime() throws {
        let fixture = try ListFixture("trkidem")
        let list = try issue(fixture, [("豫A00001", "field_mismatch", 1, 1), ("豫A00002", "ministry_only", 1, 0),
                                       ("豫A00003", "province_only", 0, 1), ("豫A00004", "field_mismatch", 1, 1)])
        try fixture.ministryVehicle("豫A00001", "2", vin: "LGBH52E0XGY000009", submittedAt: "2025-10-09T10:00:00+08:00")
        try fixture.provinceVehicle("豫A00001", "2", vin: "LGBH52E0XGY000002")
        try fixture.provinceVehicle("豫A00003", "2", vin: "LGBH52E0XGY000003")
        try fixture.ministryVehicle("豫A00003", "2", vin: "lgbh52e0xgy000003", submittedAt: "2025-10-11T10:00:00+08:00")
        try fixture.ministryVehicle("豫A00004", "2", vin: "LGBH52E0XGY000001", submittedAt: "2025-09-01T10:00:00+08:00")
        try fixture.provinceVehicle("豫A00004", "2", vin: "LGBH52E0XGY000002")

        let first = try fixture.tracker(batchSize: 2).track(at: at("2025-10-12T09:00:00+08:00"))
        #expect(first.changedItems == 3)
        #expect(first.lists.map(\.checked) == [4])
        let before = try fixture.trackedState(list: list.id)
        let second = try fixture.tracker(batchSize: 2).track(at: at("2025-10-12T09:05:00+08:00"))
        #expect(second.changedItems == 0)
        #expect(try fixture.trackedState(list: list.id) == before)
        // Still open (re-uploaded but different; not re-uploaded): checked again, unchanged.
        #expect(second.lists.map(\.checked) == [2])
    }

    /// Resolved = the ministry's row equals the province's after normalising; found despite a dirty
    /// key spelling at the ministry (lower case, full-width digits, spaces), as the diff matches it.
    @Test func resolvedAndDirtyKeys() throws {
        let fixture = try ListFixture("trkres")
        let list = try issue(fixture, [("豫A12345", "field_mismatch", 1, 1), ("豫B00001", "field_mismatch", 1, 1),
                                       ("豫C00001", "province_only", 0, 1)])
        // Re-uploaded with the province's value, key and VIN spelled dirtily: resolved.
        try fixture.ministryVehicle(" 豫a１２３４５ ", "２", vin: "lgbh52e0xgy000002 ", submittedAt: "2025-10-09T10:00:00+08:00")
        try fixture.provinceVehicle("豫A12345", "2", vin: "LGBH52E0XGY000002")
        // Re-uploaded, but still different: not resolved.
        try fixture.ministryVehicle("豫B00001", "2", vin: "LGBH52E0XGY000007", submittedAt: "2025-10-09T10:00:00+08:00")
        try fixture.provinceVehicle("豫B00001", "2", vin: "LGBH52E0XGY000002")
        // Province-only, now uploaded to the ministry: re-uploaded and resolved.
        try fixture.ministryVehicle("豫C00001", "2", vin: "V3", submittedAt: "2025-10-10T10:00:00+08:00")
        try fixture.provinceVehicle("豫C00001", "2", vin: "V3")
        // Another province's row with the same key must not count.
        try fixture.ministry.execute("""
            INSERT INTO vehicles (plate_number, plate_colour, vin, province_code, submitted_at) VALUES ('豫B00001', '2', 'LGBH52E0XGY000002', '420000', '2025-10-09 11:00+08')
            """)

        let report = try fixture.tracker().track(province: "410000", at: at("2025-10-12T09:00:00+08:00"))
        #expect(report.lists.map(\.newlyReuploaded) == [3])
        #expect(report.lists.map(\.newlyResolved) == [2])
        let resolved = try fixture.results.execute(
            "SELECT item_no, resolved::text, on_time::text FROM recon.list_items WHERE list_id = $1 ORDER BY item_no",
            [String(list.id)]).rows.map(\.values)
        #expect(resolved == [["1", "true", "true"], ["2", "false", "true"], ["3", "true", "true"]])

        // Fixed later (a newer upload): resolved now, the first re-upload time is kept.
        try fixture.ministry.execute("UPDATE vehicles SET vin = 'LGBH52E0XGY000002', submitted_at = '2025-10-20 10:00+08' WHERE plate_number = '豫B00001' AND province_code = '410000'")
        let later = try fixture.tracker().track(at: at("2025-10-21T09:00:00+08:00"))
        #expect(later.lists.map(\.newlyResolved) == [1])
        #expect(later.lists.map(\.newlyReuploaded) == [0])
        #expect(try isTrue(fixture, "SELECT resolved AND on_time AND reuploaded_at = '2025-10-09 10:00+08'::timestamptz FROM recon.list_items WHERE list_id = $1 AND item_no = 2",
                           [String(list.id)]))
        // Nothing open any more: nothing to check.
        #expect(try fixture.tracker().track(at: at("2025-10-22T09:00:00+08:00")).lists.isEmpty)
    }

    /// A stored key without a configured key column is refused, not read as an empty key.
    @Test func aChangedKeyDefinitionIsRefused() throws {
        let fixture = try ListFixture("trkkey")
        let run = try fixture.run(differing: 1)
        try fixture.difference(run: run, set: "vehicles", seq: 1, key: [("plate", "豫A00001"), ("plate_colour", "2")],
                               category: "ministry_only", provinceCount: 0)
        let list = try ListIssuer(connection: fixture.results).issue(runID: run, issuedAt: at(Self.issued)).list
        #expect {
            try fixture.tracker().track(at: at("2025-10-10T09:00:00+08:00"))
        } throws: { error in
            guard case ListError.keyMismatch(let listID, 1, "vehicles", _, _) = error else { return false }
            return listID == list.id
        }
        #expect(try isTrue(fixture, "SELECT reuploaded_at IS NULL FROM recon.list_items WHERE list_id = $1", [String(list.id)]))
    }
}
