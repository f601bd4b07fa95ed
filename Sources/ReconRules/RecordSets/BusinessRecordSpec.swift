/// Where business-handling records (业务办理记录) live, for indicator 12 (数据归集率): the
/// ministry's table and the platform's (便民政务系统), matched by business serial number.
public struct BusinessRecordSpec: Sendable, Equatable {
    /// The ministry's table.
    public var ministryTable: String = "business_records"
    /// The platform's table.
    public var platformTable: String = "business_records"
    /// The serial-number column (both tables).
    public var serialColumn: String = "serial_no"
    /// The province-code column (both tables).
    public var provinceColumn: String = "province_code"
    /// The ministry's submission-time column (报送时间; 注1: 数据统计以报送时间为准).
    public var submittedColumn: String = "submitted_at"

    /// The reference layout (sql/reference/ministry.sql and platform.sql).
    public init() {}
}
