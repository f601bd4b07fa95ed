import Foundation
import Testing
@testable import ReconKit
@testable import ReconRules

@Suite("Tracking rules (indicator 11)")
struct TrackingRulesTests {
    let issued = listInstant("2025-09-30T10:00:00+08:00")
    let check = listInstant("2025-10-10T18:00:00+08:00")
    let fields = RecordSetSpec.vehicles.fields

    func item(_ category: DiffCategory = .fieldMismatch, ministryCount: Int = 1, reuploadedAt: Date? = nil,
              resolved: Bool = false) -> TrackedItem {
        TrackedItem(itemNo: 5, category: category, ministryCount: ministryCount, key: ["豫A12345", "2"],
                    reuploadedAt: reuploadedAt, resolved: resolved)
    }

    func row(_ overrides: [String: String?] = [:]) -> [String?] {
        fields.map { field in overrides[field.column] ?? "v-\(field.column)" }
    }

    @Test func submissionAfterTheIssueIsAReupload() {
        let submitted = listInstant("2025-10-09T09:00:00+08:00")
        let ministry = SideSummary(total: 1, live: 1, firstSubmittedAfterIssue: submitted, firstAfterIssueDeleted: false,
                                   onlyLiveRow: row(["vin": "A"]))
        let province = SideSummary(total: 1, live: 1, onlyLiveRow: row(["vin": "B"]))
        let update = TrackingRules.evaluate(item: item(), ministry: ministry, province: province, issuedAt: issued,
                                            checkTime: check, fields: fields)
        #expect(update == ItemUpdate(itemNo: 5, reuploadedAt: submitted, kind: .reupload, resolvedAt: nil, updatedAt: submitted))
    }

    @Test func submissionAtTheIssueInstantIsNot() {
        let ministry = SideSummary(total: 1, live: 1, firstSubmittedAfterIssue: issued, firstAfterIssueDeleted: false,
                                   onlyLiveRow: row(["vin": "A"]))
        let province = SideSummary(total: 1, live: 1, onlyLiveRow: row(["vin": "B"]))
        #expect(TrackingRules.evaluate(item: item(), ministry: ministry, province: province, issuedAt: issued,
                                       checkTime: check, fields: fields) == nil)
    }

    @Test func cancellationAfterTheIssue() {
        let submitted = listInstant("2025-10-13T09:00:00+08:00")
        let ministry = SideSummary(total: 1, live: 0, firstSubmittedAfterIssue: submitted, firstAfterIssueDeleted: true)
        let update = TrackingRules.evaluate(item: item(.ministryOnly), ministry: ministry, province: .absent,
                                            issuedAt: issued, checkTime: check, fields: fields)
        // Cancelled and the key is gone on both sides: re-uploaded (deleted) and resolved.
        #expect(update == ItemUpdate(itemNo: 5, reuploadedAt: submitted, kind: .deleted, resolvedAt: check, updatedAt: submitted))
    }

    /// Issue 25 case 3: the old row cancelled at 10:00:00 and a new live row at 10:00:01 — the
    /// first row after the issue is the cancelled one, and the live row still answers the item.
    @Test func cancelThenInsertIsAReupload() {
        let cancelled = listInstant("2025-10-09T10:00:00+08:00")
        let inserted = listInstant("2025-10-09T10:00:01+08:00")
        let ministry = SideSummary(total: 2, live: 1, firstSubmittedAfterIssue: cancelled, firstAfterIssueDeleted: true,
                                   onlyLiveRow: row(["vin": "A"]), firstLiveSubmittedAfterIssue: inserted)
        let province = SideSummary(total: 1, live: 1, onlyLiveRow: row(["vin": "B"]))
        let update = TrackingRules.evaluate(item: item(), ministry: ministry, province: province, issuedAt: issued,
                                            checkTime: check, fields: fields)
        #expect(update == ItemUpdate(itemNo: 5, reuploadedAt: inserted, kind: .reupload, resolvedAt: nil, updatedAt: inserted))
        // A 部有省无 item credited by its cancellation keeps the earlier answer.
        let ministryOnly = TrackingRules.evaluate(item: item(.ministryOnly), ministry: ministry, province: .absent, issuedAt: issued,
                                                  checkTime: check, fields: fields)
        #expect(ministryOnly?.reuploadedAt == cancelled && ministryOnly?.kind == .deleted)
    }

    /// Issue 25 case 6: re-sending the ministry's unchanged values is no update; a changed value
    /// or a resolved item is.
    @Test func anUnchangedResendIsNoUpdate() {
        let submitted = listInstant("2025-10-09T09:00:00+08:00")
        let open = TrackedItem(itemNo: 5, category: .fieldMismatch, ministryCount: 1, key: ["豫A12345", "2"],
                               reconciledMinistry: ["vin": "A"])
        let province = SideSummary(total: 1, live: 1, onlyLiveRow: row(["vin": "B"]))
        func ministry(_ vin: String) -> SideSummary {
            SideSummary(total: 1, live: 1, firstSubmittedAfterIssue: submitted, firstAfterIssueDeleted: false, onlyLiveRow: row(["vin": vin]))
        }
        let resent = TrackingRules.evaluate(item: open, ministry: ministry("A"), province: province, issuedAt: issued, checkTime: check, fields: fields)
        #expect(resent?.reuploadedAt == submitted && resent?.updatedAt == nil)
        let changed = TrackingRules.evaluate(item: open, ministry: ministry("C"), province: province, issuedAt: issued, checkTime: check, fields: fields)
        #expect(changed?.updatedAt == submitted && changed?.resolvedAt == nil)
        let fixed = TrackingRules.evaluate(item: open, ministry: ministry("B"), province: province, issuedAt: issued, checkTime: check, fields: fields)
        #expect(fixed?.updatedAt == submitted && fixed?.resolvedAt == check)
        // Normalised equal is unchanged (the diff's normalisers): " a " re-sent is still "A".
        let spaced = TrackingRules.evaluate(item: open, ministry: ministry(" A "), province: province, issuedAt: issued, checkTime: check, fields: fields)
        #expect(spaced?.updatedAt == nil)
    }

    @Test func vanishedRowIsDeletedAtTheCheckTime() {
        let update = TrackingRules.evaluate(item: item(.ministryOnly), ministry: .absent, province: .absent,
                                            issuedAt: issued, checkTime: check, fields: fields)
        #expect(update == ItemUpdate(itemNo: 5, reuploadedAt: check, kind: .deleted, resolvedAt: check, updatedAt: check))
    }

    /// docs/rules.md, "Tracking": deleting the ministry's row of a core-field mismatch does not
    /// rectify it — neither a cancellation with its 报送时间 nor a row that vanished.
    @Test(arguments: [DiffCategory.fieldMismatch, .provinceOnly, .emptyKey])
    func deletionIsNoRectificationOfOtherCategories(category: DiffCategory) {
        let submitted = listInstant("2025-10-09T09:00:00+08:00")
        let cancelled = SideSummary(total: 1, live: 0, firstSubmittedAfterIssue: submitted, firstAfterIssueDeleted: true)
        let province = SideSummary(total: 1, live: 1, onlyLiveRow: row())
        let byFlag = TrackingRules.evaluate(item: item(category), ministry: cancelled, province: province,
                                            issuedAt: issued, checkTime: check, fields: fields)
        #expect(byFlag?.reuploadedAt == nil && byFlag?.kind == nil)
        let vanished = TrackingRules.evaluate(item: item(category), ministry: .absent, province: province,
                                              issuedAt: issued, checkTime: check, fields: fields)
        #expect(vanished?.reuploadedAt == nil && vanished?.kind == nil)
    }

    /// A duplicated key at the ministry is answered by cancelling the extra copy while one stays.
    @Test func cancellingAMinistryDuplicateAnswersIt() {
        let submitted = listInstant("2025-10-09T09:00:00+08:00")
        let oneLeft = SideSummary(total: 2, live: 1, firstSubmittedAfterIssue: submitted, firstAfterIssueDeleted: true,
                                  onlyLiveRow: row())
        let province = SideSummary(total: 1, live: 1, onlyLiveRow: row())
        let update = TrackingRules.evaluate(item: item(.duplicateKey, ministryCount: 2), ministry: oneLeft, province: province,
                                            issuedAt: issued, checkTime: check, fields: fields)
        #expect(update == ItemUpdate(itemNo: 5, reuploadedAt: submitted, kind: .deleted, resolvedAt: check, updatedAt: submitted))
        // Cancelling every copy is no answer.
        let none = SideSummary(total: 2, live: 0, firstSubmittedAfterIssue: submitted, firstAfterIssueDeleted: true)
        #expect(TrackingRules.evaluate(item: item(.duplicateKey, ministryCount: 2), ministry: none, province: province,
                                       issuedAt: issued, checkTime: check, fields: fields)?.kind == nil)
    }

    @Test func aKeyThatWasNeverAtTheMinistryDoesNotVanish() {
        let update = TrackingRules.evaluate(item: item(.provinceOnly, ministryCount: 0), ministry: .absent,
                                            province: SideSummary(total: 1, live: 1, onlyLiveRow: row()),
                                            issuedAt: issued, checkTime: check, fields: fields)
        #expect(update == nil)
    }

    @Test func whatWasSeenIsKept() {
        let earlier = listInstant("2025-10-09T09:00:00+08:00")
        let ministry = SideSummary(total: 1, live: 1, firstSubmittedAfterIssue: listInstant("2025-10-20T09:00:00+08:00"),
                                   firstAfterIssueDeleted: false, onlyLiveRow: row(["vin": "A"]))
        let province = SideSummary(total: 1, live: 1, onlyLiveRow: row(["vin": "B"]))
        var seen = item(reuploadedAt: earlier)
        seen.updatedAt = earlier   // issue 25 case 6: the update is kept once seen too
        #expect(TrackingRules.evaluate(item: seen, ministry: ministry, province: province,
                                       issuedAt: issued, checkTime: check, fields: fields) == nil)
    }

    /// Resolved after normalising: full-width digits, spaces, lower-case x, 1.50 vs 1.5, dates.
    @Test func resolvedAfterNormalising() {
        let ministry = SideSummary(total: 1, live: 1, onlyLiveRow: row(["vin": " lgbh52e0xgy123456 ", "length_mm": "12000.0",
                                                                          "valid_to": "20281231", "vehicle_id": "１２３"]))
        let province = SideSummary(total: 1, live: 1, onlyLiveRow: row(["vin": "LGBH52E0XGY123456", "length_mm": "12000",
                                                                          "valid_to": "2028-12-31", "vehicle_id": "123"]))
        #expect(TrackingRules.isResolved(item: item(), ministry: ministry, province: province, fields: fields))
        let stillDifferent = SideSummary(total: 1, live: 1, onlyLiveRow: row(["vin": "LGBH52E0XGY123457"]))
        #expect(!TrackingRules.isResolved(item: item(), ministry: stillDifferent, province: province, fields: fields))
    }

    @Test func duplicatesAndEmptyKeysAreNotResolvedWhileRowsRemain() {
        let one = SideSummary(total: 1, live: 1, onlyLiveRow: row())
        let two = SideSummary(total: 2, live: 2)
        #expect(!TrackingRules.isResolved(item: item(.duplicateKey), ministry: two, province: one, fields: fields))
        #expect(TrackingRules.isResolved(item: item(.duplicateKey), ministry: one, province: one, fields: fields))
        #expect(!TrackingRules.isResolved(item: item(.emptyKey), ministry: one, province: one, fields: fields))
        #expect(TrackingRules.isResolved(item: item(.emptyKey), ministry: SideSummary(total: 1, live: 0), province: .absent,
                                         fields: fields))
    }
}
