import Foundation
import Testing
@testable import ReconKit
@testable import ReconRules

@Suite("CSV rows of list items")
struct ListCSVRowTests {
    static let awkward: [ListRow] = [
        ListRow(itemNo: 1, recordSet: "operators", keyText: "410100000001", category: "field_mismatch",
                ministryCount: 1, provinceCount: 1, fieldLabel: "经营业户名称",
                ministryValue: "郑州市\"快运\",物流有限公司", provinceValue: "郑州市快运物流\n有限公司（总部）"),
        ListRow(itemNo: 1, recordSet: "operators", keyText: "410100000001", category: "field_mismatch",
                ministryCount: 1, provinceCount: 1, fieldLabel: "业户地址", ministryValue: nil, provinceValue: " 前后有空格 "),
        ListRow(itemNo: 2, recordSet: "vehicles", keyText: "豫A12345 / 2", category: "ministry_only",
                ministryCount: 1, provinceCount: 0,
                reuploadedAt: listInstant("2025-10-14T23:59:59.999999+08:00"), reuploadKind: .deleted, resolved: true),
        ListRow(itemNo: 3, recordSet: "practitioners", keyText: "41010119900101123X", category: "duplicate_key",
                ministryCount: 2, provinceCount: 1, reuploadedAt: listInstant("2025-10-15T00:00:00+08:00"),
                reuploadKind: .reupload),
        ListRow(itemNo: 4, recordSet: "vehicles", keyText: "(空) / 2", category: "empty_key", ministryCount: 3, provinceCount: 0),
    ]

    @Test func fieldsOfEachRow() {
        let formatter = ListRowFormatter(list: sampleList(), recordSets: RecordSetSpec.reference,
                                         now: listInstant("2025-10-20T09:00:00+08:00"))
        let rows = Self.awkward.map(formatter.csvFields)
        #expect(rows[0] == ["1", "经营业户", "经营许可证号", "=\"410100000001\"", "=\"410100000001\"", nil, "核心字段不一致",
                            "经营业户名称", "郑州市\"快运\",物流有限公司", "郑州市快运物流\n有限公司（总部）", nil, nil, nil, nil,
                            "1", "1", "2025-09-30 10:00:00", "2025-10-14 23:59:59", "已逾期未上传", nil, nil])
        #expect(rows[1][8] == nil)
        #expect(rows[2] == ["2", "营运车辆", "车牌号码 / 车牌颜色代码", "豫A12345 / 2", "豫A12345", "2", "部有省无", nil, nil, nil,
                            nil, nil, nil, nil, "1", "0",
                            "2025-09-30 10:00:00", "2025-10-14 23:59:59", "已按期注销", "2025-10-14 23:59:59", "已一致"])
        #expect(rows[3][6] == "关键字段重复")
        #expect(rows[3][18] == "逾期上传")
        #expect(rows[3][19] == "2025-10-15 00:00:00")
        #expect(rows[4][6] == "关键字段为空")
        #expect(rows.allSatisfy { $0.count == ListColumn.allCases.count })
    }

    /// The CSV written through `CSVWriter` reads back the same with `CSVReader`, BOM and CRLF included.
    @Test func roundTripThroughTheCSVReader() throws {
        let formatter = ListRowFormatter(list: sampleList(), recordSets: RecordSetSpec.reference,
                                         now: listInstant("2025-10-01T09:00:00+08:00"))
        let path = NSTemporaryDirectory() + "list-rows-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try CSVWriter(path: path)
        try writer.writeRow(ListColumn.headers)
        for row in Self.awkward { try writer.writeRow(formatter.csvFields(row)) }
        try writer.close()

        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(Array(bytes.suffix(2)) == [0x0D, 0x0A])
        let back = try CSVReader.read(path: path)
        #expect(back.count == 1 + Self.awkward.count)
        #expect(back[0].map { $0 ?? "" } == ListColumn.headers)
        for (index, row) in Self.awkward.enumerated() {
            #expect(back[index + 1] == formatter.csvFields(row))
        }
        #expect(back[1][8] == "郑州市\"快运\",物流有限公司")
        #expect(back[1][9] == "郑州市快运物流\n有限公司（总部）")
        #expect(back[2][9] == " 前后有空格 ")
        #expect(back[1][18] == "待整改")
    }

    /// docs/rules.md, "Lists in spreadsheets": formulas neutralised, long digit strings kept as text.
    @Test(arguments: [
        ("=HYPERLINK(\"http://x\",\"点击查看\")", "'=HYPERLINK(\"http://x\",\"点击查看\")"),
        ("+1+2", "'+1+2"), ("-2+3", "'-2+3"), ("@SUM(1,2)", "'@SUM(1,2)"), ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("\tx", "'\tx"), ("\rx", "'\rx"),
        ("410102196707138123", "=\"410102196707138123\""), ("410100000001", "=\"410100000001\""),
        ("0123", "=\"0123\""), ("41010219670713812X", "41010219670713812X"), ("41010000000", "41010000000"),
        ("410000", "410000"), ("0", "0"), ("", ""), ("豫A12345", "豫A12345"), ("a=b", "a=b"),
    ])
    func spreadsheetSafeCells(value: String, written: String) {
        #expect(CSVCellStyle.spreadsheetSafe.cell(value) == written)
        #expect(CSVCellStyle.raw.cell(value) == value)
    }
}
