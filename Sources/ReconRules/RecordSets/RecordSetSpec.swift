/// A record set compared between the ministry and a province: operators 经营业户, practitioners
/// 从业人员 or operating vehicles 营运车辆.
///
/// The reference tables (sql/reference/) are the defaults, so a typical config only lists
/// databases and provinces; a config may override tables, columns and fields.
public struct RecordSetSpec: Sendable, Equatable {
    /// Machine name, e.g. `vehicles`.
    public var name: String
    /// 中文名, e.g. `营运车辆`.
    public var label: String
    /// The key columns, in order (e.g. plate number + plate colour); normalised in SQL so that both
    /// sides sort the same way (`COLLATE "C"`).
    public var key: [FieldSpec]
    /// The compared core fields (注3).
    public var fields: [FieldSpec]
    /// The ministry's table (may be schema-qualified: `schema.table`).
    public var ministryTable: String
    /// The ministry table's column holding the uploading province's code.
    public var ministryProvinceColumn: String
    /// The ministry table's column holding the submission time of the row's last upload (报送时间).
    public var ministrySubmittedColumn: String
    /// The ministry table's column marking a row cancelled/deleted by upload; empty: the table has
    /// none (every row is live).
    public var ministryDeletedColumn: String
    /// The values of `ministryDeletedColumn` (compared as text) that mean deleted, e.g. `["1"]` for a
    /// `char(1)` flag; nil: the column is boolean and `true` means deleted.
    public var ministryDeletedValues: [String]? = nil
    /// Ministry rows not compared (`ministry_exclude` / `ministry_include`), besides deleted ones.
    public var ministryFilter: RowFilter? = nil
    /// Province rows not compared (`province_exclude` / `province_include`), e.g. a 注销 status.
    public var provinceFilter: RowFilter? = nil
    /// The province's table (may be schema-qualified).
    public var provinceTable: String
    /// Where the record set was defined, for messages (`recon.toml:31 [[record_set]]`).
    public var origin: String = "built-in reference record set"

    /// A record set spec.
    public init(name: String, label: String, key: [FieldSpec], fields: [FieldSpec],
                ministryTable: String, ministryProvinceColumn: String = "province_code",
                ministrySubmittedColumn: String = "submitted_at", ministryDeletedColumn: String = "deleted",
                provinceTable: String) {
        self.name = name
        self.label = label
        self.key = key
        self.fields = fields
        self.ministryTable = ministryTable
        self.ministryProvinceColumn = ministryProvinceColumn
        self.ministrySubmittedColumn = ministrySubmittedColumn
        self.ministryDeletedColumn = ministryDeletedColumn
        self.provinceTable = provinceTable
    }

    /// Every column the diff reads: key columns, then fields.
    public var allColumns: [FieldSpec] { key + fields }
}
