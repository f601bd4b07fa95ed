import Foundation
import PostgresClient
import ReconRules

/// Where an item stands for a province working on its list: five states that never overlap and
/// add up to the list's items (the portal's progress bar and filter; docs/rules.md *11*).
///
/// 11: "收到对账差异数据整改清单后，在5个工作日内上传更新数据记录的数量与差异数据记录总量的比率" —
/// an item counts for the rate when re-uploaded before the deadline; whether the re-upload made
/// the two sides agree is shown apart (已一致), because a re-upload that still differs is work left.
public enum ItemProgressState: String, Sendable, CaseIterable {
    /// 待整改（期限内）: not re-uploaded, the deadline not yet passed.
    case pending
    /// 已逾期未上传: not re-uploaded, the deadline passed.
    case overdue
    /// 已按期上传（仍不一致）: re-uploaded before the deadline, still differing.
    case onTime = "ontime"
    /// 逾期上传（仍不一致）: re-uploaded at or after the deadline, still differing.
    case late
    /// 已一致: the ministry's record now matches the province's.
    case consistent

    /// 中文.
    public var label: String {
        switch self {
        case .pending: return "待整改（期限内）"
        case .overdue: return "已逾期未上传"
        case .onTime: return "已按期上传（仍不一致）"
        case .late: return "逾期上传（仍不一致）"
        case .consistent: return "已一致"
        }
    }

    /// The state of one item at `now`.
    public static func of(reuploaded: Bool, onTime: Bool?, resolved: Bool, deadline: Date, now: Date) -> ItemProgressState {
        if resolved { return .consistent }
        guard reuploaded else { return now < deadline ? .pending : .overdue }
        return onTime == true ? .onTime : .late
    }

    /// The SQL condition over `recon.list_items i` (the deadline is the list's, so pending and
    /// overdue are decided here: one of them is always empty).
    func condition(deadline: Date, now: Date) -> String {
        switch self {
        case .pending: return now < deadline ? "(NOT i.resolved AND i.reuploaded_at IS NULL)" : "false"
        case .overdue: return now < deadline ? "false" : "(NOT i.resolved AND i.reuploaded_at IS NULL)"
        case .onTime: return "(NOT i.resolved AND i.reuploaded_at IS NOT NULL AND i.on_time IS TRUE)"
        case .late: return "(NOT i.resolved AND i.reuploaded_at IS NOT NULL AND i.on_time IS NOT TRUE)"
        case .consistent: return "i.resolved"
        }
    }

    /// An SQL expression over `recon.list_items i` giving each item's state at `now` as its
    /// `rawValue` (`label: true`: its 中文), decided exactly as ``of(reuploaded:onTime:resolved:deadline:now:)``
    /// (the five conditions never overlap), so that PostgreSQL can build the portal's items JSON.
    public static func sql(deadline: Date, now: Date, label: Bool = false) -> String {
        "CASE " + allCases.map { state in "WHEN \(state.condition(deadline: deadline, now: now)) THEN \(SQLText.literal(label ? state.label : state.rawValue))"
        }.joined(separator: " ") + " END"
    }
}

/// A selection of a list's items: by record set, category, state and a part of the key. The
/// portal's items browser shows it and "download what I see" exports exactly it.
public struct ListItemFilter: Sendable, Hashable {
    /// Only this record set (machine name, e.g. `vehicles`).
    public var recordSet: String?
    /// Only this category (`ministry_only`, …).
    public var category: String?
    /// Only these states (empty: all). `outstanding` in the portal is every state but 已一致.
    public var states: Set<ItemProgressState>
    /// Only items whose key — or a searched field (``searchedColumns``: name, VIN, ID number) of
    /// their records or differing fields — contains this text, compared the way the keys are
    /// (``searchForm(_:)``): `豫HBV258 / 1` as shown, `豫hbv258/1`, full-width `ＨＢＶ２５８` all find
    /// the same item.
    public var keyContains: String?

    /// The fields searched besides the key: the names (经营业户名称, 从业人员姓名), the VIN, the ID
    /// number and the credit code (docs/rules.md, "Portal: search").
    public static let searchedColumns = ["name", "vin", "id_number", "credit_code"]

    /// The identifier key normalisers (full-width to half-width, parentheses, upper case) applied
    /// to a search text, then every space removed (the page shows key columns joined by ` / `).
    public static func searchForm(_ text: String) -> String {
        let pipeline = NormaliserPipeline([FieldNormaliser.fullWidth, .parentheses, .trim, .collapseSpaces, .upper])
        return (pipeline.apply(text) ?? "").filter { !$0.isWhitespace }
    }

    /// The SQL form of a stored text matching ``searchForm(_:)``: NFKC (full-width to half-width),
    /// upper case, no spaces.
    static func sqlSearchForm(_ expression: String) -> String {
        "upper(translate(normalize(coalesce(\(expression), ''), NFKC), ' ', ''))"
    }

    /// A filter; the default selects everything.
    public init(recordSet: String? = nil, category: String? = nil, states: Set<ItemProgressState> = [], keyContains: String? = nil) {
        self.recordSet = recordSet
        self.category = category
        self.states = states
        self.keyContains = keyContains
    }

    /// Selects every item.
    public var isEmpty: Bool { recordSet == nil && category == nil && states.isEmpty && (keyContains ?? "").isEmpty }

    /// The SQL condition over `recon.list_items i`, values quoted by the server's own quoting
    /// (`PQescapeLiteral`) so that it can stand inside a `COPY (…)`, which takes no parameters.
    public func condition(deadline: Date, now: Date, quoting connection: Connection) throws -> String {
        var parts: [String] = []
        if let recordSet { parts.append("i.record_set = \(try connection.quoteLiteral(recordSet))") }
        if let category { parts.append("i.category = \(try connection.quoteLiteral(category))") }
        if !states.isEmpty && states.count < ItemProgressState.allCases.count {
            let ordered = ItemProgressState.allCases.filter(states.contains)
            parts.append("(" + ordered.map { $0.condition(deadline: deadline, now: now) }.joined(separator: " OR ") + ")")
        }
        if let key = keyContains.map(Self.searchForm), !key.isEmpty {
            let text = try connection.quoteLiteral(key)
            let columns = try Self.searchedColumns.map { try connection.quoteLiteral($0) }.joined(separator: ", ")
            parts.append("""
                (strpos(\(Self.sqlSearchForm("i.key_text")), \(text)) > 0
                 OR EXISTS (SELECT 1 FROM jsonb_array_elements(i.rows) r, jsonb_array_elements(r->'values') v
                            WHERE v->>'column' IN (\(columns)) AND strpos(\(Self.sqlSearchForm("v->>'value'")), \(text)) > 0)
                 OR EXISTS (SELECT 1 FROM jsonb_array_elements(i.fields) f
                            WHERE f->>'column' IN (\(columns))
                              AND (strpos(\(Self.sqlSearchForm("f->>'ministry'")), \(text)) > 0
                                   OR strpos(\(Self.sqlSearchForm("f->>'province'")), \(text)) > 0)))
                """)
        }
        return parts.isEmpty ? "true" : parts.joined(separator: " AND ")
    }
}
