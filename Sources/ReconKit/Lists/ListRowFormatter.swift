import Foundation
import XlsxWriter
import ReconRules

/// Turns `ListRow`s into the cells of an exported list, in `ListColumn` order.
public struct ListRowFormatter: Sendable {
    /// The list.
    public let list: RectificationList
    /// The configured record sets (labels of sets and keys).
    public let recordSets: [RecordSetSpec]
    /// The time of the export (待整改 vs 已逾期未上传).
    public let now: Date
    /// How CSV cells are written (spreadsheet-safe by default).
    public var csvStyle: CSVCellStyle = .spreadsheetSafe
    /// Only the items still to rectify (待整改: not re-uploaded, or re-uploaded and still differing).
    public var outstandingOnly = false
    /// A further selection of items (SQL over `recon.list_items i`, from ``ListItemFilter``).
    var itemCondition: String? = nil

    /// What every row repeats, computed once (a list may have millions of rows).
    let issuedText: String
    let deadlineText: String
    let issuedCell: Cell
    let deadlineCell: Cell
    let setLabels: [String: String]
    let keyNames: [String: String]

    /// A formatter.
    public init(list: RectificationList, recordSets: [RecordSetSpec], now: Date) {
        self.list = list
        self.recordSets = recordSets
        self.now = now
        issuedText = BeijingTimeFormat.human(list.issuedAt)
        deadlineText = BeijingTimeFormat.humanDeadline(end: list.deadline)
        issuedCell = Self.dateTime(BeijingTimeFormat.wallClock(list.issuedAt))
        deadlineCell = Self.dateTime(BeijingTimeFormat.deadlineWallClock(end: list.deadline))
        var setLabels: [String: String] = [:], keyNames: [String: String] = [:]
        for spec in recordSets where setLabels[spec.name] == nil {
            setLabels[spec.name] = ListLabels.recordSet(spec.name, in: recordSets)
            keyNames[spec.name] = ListLabels.keyNames(spec.name, in: recordSets)
        }
        self.setLabels = setLabels
        self.keyNames = keyNames
    }

    /// The row as CSV fields (times `2025-10-14 23:59:59`, Beijing), each written by `csvStyle`.
    public func csvFields(_ row: ListRow) -> [String?] {
        rawCSVFields(row).map { $0.map(csvStyle.cell) }
    }

    /// The row's CSV fields before `csvStyle`.
    func rawCSVFields(_ row: ListRow) -> [String?] {
        ListColumn.allCases.map { column in
            switch column {
            case .itemNo: return String(row.itemNo)
            case .ministryCount: return String(row.ministryCount)
            case .provinceCount: return String(row.provinceCount)
            case .issuedAt: return issuedText
            case .deadline: return deadlineText
            case .reuploadedAt: return row.reuploadedAt.map(BeijingTimeFormat.human)
            case .suspectItemNo: return row.suspectItemNo.map(String.init)
            default: return text(column, row)
            }
        }
    }

    /// The row as spreadsheet cells: numbers as numbers, times as Beijing date-times, identifiers
    /// and values as text (an 18-digit ID number must not become a rounded number).
    public func cells(_ row: ListRow) -> [Cell] {
        ListColumn.allCases.map { column in
            switch column {
            case .itemNo: return .integer(row.itemNo)
            case .ministryCount: return .integer(row.ministryCount)
            case .provinceCount: return .integer(row.provinceCount)
            case .issuedAt: return issuedCell
            case .deadline: return deadlineCell
            case .reuploadedAt: return row.reuploadedAt.map { Self.dateTime(BeijingTimeFormat.wallClock($0)) } ?? .empty
            case .suspectItemNo: return row.suspectItemNo.map(Cell.integer) ?? .empty
            default: return Cell(text: text(column, row))
            }
        }
    }

    /// The text columns.
    func text(_ column: ListColumn, _ row: ListRow) -> String? {
        switch column {
        case .recordSet: return setLabels[row.recordSet] ?? row.recordSet
        case .keyNames: return keyNames[row.recordSet] ?? ""
        case .keyValues: return row.keyText
        case .keyPart1, .keyPart2:
            let parts = KeyText.parts(row.keyText) ?? [row.keyText]
            let index = column == .keyPart1 ? 0 : 1
            return index < parts.count ? (parts[index] ?? KeyText.nullPart) : nil
        case .recordSide:
            guard let record = row.record else { return nil }
            let side = record.side == .ministry ? "部级系统" : "省级系统"
            return record.of > 1 ? "\(side) 第\(record.number)/\(record.of)条" : side
        case .recordContent:
            return row.record.map { Self.content($0.values) }
        case .suspectHint: return row.suspectHint
        case .category: return ListLabels.category(row.category)
        case .field: return row.fieldLabel
        case .ministryValue: return row.ministryValue
        case .provinceValue: return row.provinceValue
        case .status:
            return RectificationStatus.of(reuploadedAt: row.reuploadedAt, kind: row.reuploadKind,
                                          deadline: list.deadline, now: now).label
        case .resolved: return ListLabels.resolved(row.resolved)
        case .itemNo, .ministryCount, .provinceCount, .issuedAt, .deadline, .reuploadedAt, .suspectItemNo: return nil
        }
    }

    /// A row's core fields as one cell: `车辆识别代号：LSV…；车辆类型：K33`, NULL fields left out.
    static func content(_ values: [RowValue]) -> String {
        values.compactMap { value in value.value.map { "\(value.label)：\($0)" } }.joined(separator: "；")
    }

    /// A date-time cell of Beijing wall-clock parts.
    static func dateTime(_ parts: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)) -> Cell {
        .dateTime(year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second)
    }
}
