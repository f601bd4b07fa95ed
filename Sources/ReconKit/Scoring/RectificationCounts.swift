import PostgresClient
import ReconRules

/// Indicator 11's counts for a run's list: items re-uploaded within the 5 working days, and all
/// items. 11: 收到对账差异数据整改清单后，在5个工作日内上传更新数据记录的数量与差异数据记录总量的比率。
/// The figures are those recorded by tracking (`recon track`), which runs every working day.
public struct RectificationCounts: Sendable, Equatable {
    /// The list's id.
    public let listID: Int
    /// Items whose re-upload (or cancellation) came after the issue and before the deadline's end.
    public let onTime: Int
    /// All items of the list.
    public let items: Int
    /// Items resolved (已一致) when the counts were read.
    public var resolved: Int = 0

    /// The counts of the list issued from `runID`, or `nil` when no list was issued from it.
    /// `credit` says which uploads count (docs/rules.md, "Tracking"): by default those that changed
    /// the record or resolved the item (`updated_on_time`), under `any-upload` every upload (`on_time`).
    public static func forRun(_ runID: Int, credit: RectificationCredit = .changedOrResolved,
                              on connection: Connection) throws -> RectificationCounts? {
        // 疑似同一记录 (a 部有省无 item paired with a 省有部无 one, docs/rules.md "疑似同一记录"): by
        // default the pair is one record under two keys, rectified — both items counted — when both
        // are resolved (one key on both sides) and either was answered in time; a pair left with
        // an item unresolved counts neither (a mistyped key uploaded to the ministry is no fix).
        let counted = credit == .anyUpload ? "i.on_time" : """
            CASE WHEN i.suspect_item_no IS NULL THEN coalesce(i.updated_on_time, false)
                 ELSE EXISTS (SELECT 1 FROM recon.list_items o WHERE o.list_id = i.list_id AND o.item_no = i.suspect_item_no
                              AND i.resolved AND o.resolved
                              AND (coalesce(i.on_time, false) OR coalesce(o.on_time, false))) END
            """
        let rows = try connection.execute("""
            SELECT l.id, l.item_count,
                   (SELECT count(*) FROM recon.list_items i WHERE i.list_id = l.id AND \(counted)) AS on_time,
                   (SELECT count(*) FROM recon.list_items i WHERE i.list_id = l.id AND i.resolved) AS resolved
            FROM recon.lists l WHERE l.run_id = $1
            """, [String(runID)]).rows
        guard let row = rows.first else { return nil }
        return RectificationCounts(listID: try row.int("id"), onTime: try row.int("on_time"), items: try row.int("item_count"),
                                   resolved: try row.int("resolved"))
    }
}
