/// The columns of an exported rectification list, in order, with their Chinese headers.
///
/// One row per differing field: an item of category 核心字段不一致 with three unequal fields gives
/// three rows with the same 序号, each with one field and its two values in cells of their own, so
/// that a provincial clerk can filter and sort by 差异字段 in Excel or WPS and every value stays
/// readable (no line breaks inside cells). Items of the other categories have one row with the
/// field columns empty. Every row repeats the item's columns, so that a filtered or sorted sheet
/// never loses a row's context; count items by distinct 序号.
///
/// Headers follow the evaluation method's terms where it has them: 部级运政系统 / 省级运政系统
/// (第六条), 报送时间 (注1), 上传更新数据记录 (11).
import ReconRules

public enum ListColumn: Int, Sendable, CaseIterable, CustomStringConvertible {
    /// 序号: the item's number in the list (1…n, record-set order, then key order).
    case itemNo
    /// 数据类别: 经营业户 / 从业人员 / 营运车辆.
    case recordSet
    /// 关键字段名称: the key's columns, e.g. `车牌号码 / 车牌颜色代码`.
    case keyNames
    /// 关键字段值: the normalised key, e.g. `豫A12345 / 2`; an empty key part shows `(空)`; a part
    /// that would make it ambiguous is quoted (`KeyText`).
    case keyValues
    /// 关键字段1: the key's first part on its own (e.g. the plate number), for matching against
    /// the province's own column; on a record set's XLSX sheet the header is the part's name.
    case keyPart1
    /// 关键字段2: the key's second part (e.g. the plate colour code); empty for one-part keys. A
    /// key of more than two parts shows its later parts in 关键字段值 only.
    case keyPart2
    /// 差异类型: 部有省无 / 省有部无 / 核心字段不一致 / 关键字段重复 / 关键字段为空.
    case category
    /// 差异字段: the unequal core field's label (核心字段不一致 only).
    case field
    /// 部级系统值: the field's raw value in the ministry's system.
    case ministryValue
    /// 省级系统值: the field's raw value in the province's system.
    case provinceValue
    /// 记录来源: for an item that is not 核心字段不一致, the side of the row shown in 记录内容:
    /// 部级系统 / 省级系统, with `第2/3条` for a duplicated key (one row per duplicated row).
    case recordSide
    /// 记录内容: that row's core fields, `标签：值；标签：值` (NULL fields left out), so that the
    /// record can be found in the province's system from the row alone.
    case recordContent
    /// 疑似同一记录: the hint of a suspected same record, e.g. `疑似同一记录：车牌颜色代码不一致`.
    case suspectHint
    /// 对应序号: the 序号 of the other item of the suspected same record.
    case suspectItemNo
    /// 部级记录数: rows with the key in the ministry's system at reconciliation.
    case ministryCount
    /// 省级记录数: rows with the key in the province's system at reconciliation.
    case provinceCount
    /// 下发时间: when the list was issued (Beijing).
    case issuedAt
    /// 整改截止时间: the last second of the 5th working day (Beijing).
    case deadline
    /// 整改状态: see `RectificationStatus`.
    case status
    /// 更新上传时间: the 报送时间 of the re-upload or cancellation found by tracking.
    case reuploadedAt
    /// 复核结果: 已一致 when the ministry's record now matches the province's after normalising.
    case resolved

    /// The Chinese header.
    public var header: String {
        switch self {
        case .itemNo: return "序号"
        case .recordSet: return "数据类别"
        case .keyNames: return "关键字段名称"
        case .keyValues: return "关键字段值"
        case .keyPart1: return "关键字段1"
        case .keyPart2: return "关键字段2"
        case .category: return "差异类型"
        case .field: return "差异字段"
        case .ministryValue: return "部级系统值"
        case .provinceValue: return "省级系统值"
        case .recordSide: return "记录来源"
        case .recordContent: return "记录内容"
        case .suspectHint: return "疑似同一记录"
        case .suspectItemNo: return "对应序号"
        case .ministryCount: return "部级记录数"
        case .provinceCount: return "省级记录数"
        case .issuedAt: return "下发时间"
        case .deadline: return "整改截止时间"
        case .status: return "整改状态"
        case .reuploadedAt: return "更新上传时间"
        case .resolved: return "复核结果"
        }
    }

    /// The column width in a spreadsheet, in characters (a Chinese character counts about 2).
    public var spreadsheetWidth: Double {
        switch self {
        case .itemNo: return 8
        case .recordSet: return 10
        case .keyNames: return 24
        case .keyValues: return 26
        case .keyPart1: return 20
        case .keyPart2: return 14
        case .category: return 14
        case .field: return 20
        case .ministryValue, .provinceValue: return 30
        case .recordSide: return 16
        case .recordContent: return 60
        case .suspectHint: return 30
        case .suspectItemNo: return 10
        case .ministryCount, .provinceCount: return 11
        case .issuedAt, .deadline, .reuploadedAt: return 20
        case .status: return 14
        case .resolved: return 10
        }
    }

    /// Whether the column's cells wrap in a spreadsheet (long values stay readable and print).
    public var wraps: Bool {
        switch self {
        case .ministryValue, .provinceValue, .recordContent, .suspectHint: return true
        default: return false
        }
    }

    /// The header row.
    public static var headers: [String] { allCases.map(\.header) }

    /// The header row of one record set's sheet: the key parts named by the set (车牌号码, 车牌颜色代码).
    public static func headers(keyLabels: [String]) -> [String] {
        allCases.map { column in
            switch column {
            case .keyPart1: return keyLabels.first ?? column.header
            case .keyPart2: return keyLabels.count > 1 ? keyLabels[1] : column.header
            default: return column.header
            }
        }
    }

    /// The header.
    public var description: String { header }
}
