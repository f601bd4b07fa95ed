import Foundation
import ReconRules

/// The rules of tracking re-uploads (indicator 11, 对账整改率), as a pure function of what the two
/// sides hold now for an item's key.
///
/// docs/rules.md *11*: "Re-uploaded = the ministry-side record for that key carries a submission
/// time (报送时间) after the list was issued and no later than the deadline; for an item that
/// exists only on the ministry side, its deletion/cancellation within the deadline counts. Whether
/// the new upload now *matches* the province is tracked and reported as 'resolved', but is not
/// required here."
///
/// This project's readings:
/// - **First seen, kept once seen.** The ministry keeps only the 报送时间 of a row's *last* upload,
///   so the earliest submission after the issue that tracking sees is recorded and never replaced
///   (run `recon track` at least daily during the 5 working days, or a later upload hides an
///   earlier on-time one). The same holds for `resolved`.
/// - **An upload answers any item; a deletion only some** (docs/rules.md, "Tracking"). A live row
///   with the key whose 报送时间 is after the issue answers the item (`reupload`). A cancellation
///   (deleted flag, with its 报送时间) answers an item only at the ministry (部有省无) — the rule's
///   "for an item that exists only on the ministry side, its deletion/cancellation within the
///   deadline counts" — and a duplicated key at the ministry (关键字段重复 with more than one
///   ministry row) while a live copy remains: removing the extra copy is its rectification.
///   Deleting the ministry's row of any other item (a core-field mismatch, a key only at the
///   province, an empty key) does not rectify it and is not credited.
/// - **A vanished row.** When the ministry held rows with the key at reconciliation and now holds
///   none at all (physically deleted), the row was cancelled at an unknown time: for an item only
///   at the ministry it is recorded as `deleted` at the *check time*, the earliest moment the
///   removal is known — an upper bound, so a removal first seen after the deadline counts as late.
///   For any other item a vanished row is no re-upload (there is no 报送时间).
/// - **Resolved** = the difference is gone now: no live row on either side, or exactly one on
///   each side with every compared core field equal after normalising (注3 fields, the diff's
///   normalisers). An empty key (关键字段为空) is resolved only when no row with it is left.
public enum TrackingRules {
    /// What is new for `item`, or nil when nothing changed.
    /// - Parameters:
    ///   - ministry: the ministry's rows with the key (the province's rows only).
    ///   - province: the province's rows with the key.
    ///   - issuedAt: the list's issue instant.
    ///   - checkTime: now (the time recorded for a vanished row and for a resolution).
    ///   - fields: the compared core fields, in the order of the summaries' rows.
    public static func evaluate(item: TrackedItem, ministry: SideSummary, province: SideSummary,
                                issuedAt: Date, checkTime: Date, fields: [FieldSpec]) -> ItemUpdate? {
        var update = ItemUpdate(itemNo: item.itemNo)
        // The earliest credited answer: a live upload (any item), or a cancellation (only the
        // items `deletionAnswers`). A re-upload sent as cancel + insert is credited at its live
        // row whatever the order of the two rows' times (docs/rules.md, "Tracking").
        var credit: (at: Date, kind: ReuploadKind)? = nil
        if let cancelled = ministry.cancellationAfterIssue, cancelled > issuedAt, deletionAnswers(item, ministry: ministry) {
            credit = (cancelled, .deleted)
        }
        if let uploaded = ministry.liveUploadAfterIssue, uploaded > issuedAt, credit.map({ uploaded < $0.at }) ?? true {
            credit = (uploaded, .reupload)
        }
        if credit == nil, ministry.firstSubmittedAfterIssue == nil, item.category == .ministryOnly, item.ministryCount > 0,
           ministry.total == 0, checkTime > issuedAt {
            credit = (checkTime, .deleted)
        }
        if item.reuploadedAt == nil, let credit {
            update.reuploadedAt = credit.at
            update.kind = credit.kind
        }
        let resolvedNow = isResolved(item: item, ministry: ministry, province: province, fields: fields)
        if !item.resolved, resolvedNow {
            update.resolvedAt = checkTime
        }
        // 上传更新数据记录: an answer that changed the record or left the item resolved (a
        // cancellation changes it); re-sending an unchanged record is no update.
        if item.updatedAt == nil, let credit,
           credit.kind == .deleted || resolvedNow || item.resolved || changed(item: item, ministry: ministry, fields: fields) {
            update.updatedAt = credit.at
        }
        return update.reuploadedAt == nil && update.resolvedAt == nil && update.updatedAt == nil ? nil : update
    }

    /// Whether the ministry's record for the item differs from what reconciliation stored: for
    /// 核心字段不一致, a differing field's value changed (after normalising); otherwise (and when
    /// the stored values are missing) its number of live rows changed.
    static func changed(item: TrackedItem, ministry: SideSummary, fields: [FieldSpec]) -> Bool {
        guard item.category == .fieldMismatch, !item.reconciledMinistry.isEmpty, ministry.live == 1,
              let row = ministry.onlyLiveRow, row.count == fields.count else {
            return ministry.live != item.ministryCount || (item.category == .fieldMismatch && item.reconciledMinistry.isEmpty)
        }
        for (column, old) in item.reconciledMinistry {
            guard let index = fields.firstIndex(where: { $0.column == column }) else { return true }
            if !NormaliserPipeline(fields[index].normalisers).equal(row[index], old) { return true }
        }
        return false
    }

    /// Whether a cancellation at the ministry answers `item`: only at the ministry (部有省无), or a
    /// duplicated ministry key that keeps a live copy.
    static func deletionAnswers(_ item: TrackedItem, ministry: SideSummary) -> Bool {
        switch item.category {
        case .ministryOnly: return true
        case .duplicateKey: return item.ministryCount > 1 && ministry.live >= 1
        case .fieldMismatch, .provinceOnly, .emptyKey: return false
        }
    }

    /// Whether the item's difference is gone now (see the type's documentation).
    public static func isResolved(item: TrackedItem, ministry: SideSummary, province: SideSummary,
                                  fields: [FieldSpec]) -> Bool {
        if ministry.live == 0 && province.live == 0 { return true }
        if item.category == .emptyKey { return false }
        guard ministry.live == 1, province.live == 1,
              let ministryRow = ministry.onlyLiveRow, let provinceRow = province.onlyLiveRow,
              ministryRow.count == fields.count, provinceRow.count == fields.count
        else { return false }
        for (index, field) in fields.enumerated()
        where !NormaliserPipeline(field.normalisers).equal(ministryRow[index], provinceRow[index]) {
            return false
        }
        return true
    }
}
