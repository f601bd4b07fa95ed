import Foundation
import PostgresClient
import ReconKit
import ReconRules
@testable import ReconSample
import ReconTestSupport
import Testing

@Suite("Exporting rectification lists")
struct ListExportTests {
    func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "lists-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A list with awkward values: commas, quotes, newlines, Chinese, an 18-character ID number, a
    /// field_mismatch item with two fields.
    func seed(_ fixture: ListFixture) throws -> RectificationList {
        let run = try fixture.run(differing: 4, official: true)
        try fixture.difference(run: run, set: "operators", seq: 1, key: [("licence_no", "410100000001")], category: "field_mismatch",
                               fields: [("name", "经营业户名称", "郑州市\"快运\",物流有限公司", "郑州市快运物流\n有限公司"),
                                        ("address", "业户地址", nil, "金水区, 1号")])
        try fixture.difference(run: run, set: "practitioners", seq: 1, key: [("certificate_no", "41010119900101123X")],
                               category: "duplicate_key", ministryCount: 2)
        try fixture.difference(run: run, set: "vehicles", seq: 1, key: [("plate_number", "豫A00001"), ("plate_colour", "2")],
                               category: "ministry_only", provinceCount: 0)
        try fixture.difference(run: run, set: "vehicles", seq: 2, key: [("plate_number", nil), ("plate_colour", "2")],
                               category: "empty_key", ministryCount: 3, provinceCount: 0)
        return try ListIssuer(connection: fixture.results).issue(runID: run, official: true,
                                                                  issuedAt: at("2025-09-30T10:00:00+08:00")).list
    }

    /// 待整改: items not re-uploaded, and items re-uploaded but still differing; nothing else.
    @Test func outstandingExportKeepsWhatIsLeftToDo() throws {
        let fixture = try ListFixture("expout")
        let list = try seed(fixture)
        // Item 1 re-uploaded and now consistent; item 2 re-uploaded but still differing; 3 and 4 untouched.
        try fixture.results.execute("""
            UPDATE recon.list_items SET reuploaded_at = '2025-10-09 10:00+08', reupload_kind = 'reupload', on_time = true,
                resolved = (item_no = 1) WHERE list_id = $1 AND item_no IN (1, 2)
            """, [String(list.id)])
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let exported = try ListExporter(connection: fixture.results)
            .export(listID: list.id, format: .csv, to: directory, now: at("2025-10-10T09:00:00+08:00"), outstandingOnly: true)
        #expect((exported.path as NSString).lastPathComponent == "整改清单_410000_2025Q3_\(list.id)_待整改.csv")
        let rows = try CSVReader.read(path: exported.path)
        #expect(Set(rows.dropFirst().compactMap { $0[0] }) == ["2", "3", "4"])
        #expect(exported.items == 3)
        let xlsx = try ListExporter(connection: fixture.results)
            .export(listID: list.id, format: .xlsx, to: directory, now: at("2025-10-10T09:00:00+08:00"), outstandingOnly: true)
        #expect(xlsx.items == 3)
    }

    @Test func csvRoundTrip() throws {
        let fixture = try ListFixture("expcsv")
        let list = try seed(fixture)
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let exported = try ListExporter(connection: fixture.results)
            .export(listID: list.id, format: .csv, to: directory, now: at("2025-10-10T09:00:00+08:00"), downloadedBy: "test")
        #expect((exported.path as NSString).lastPathComponent == "整改清单_410000_2025Q3_\(list.id).csv")
        #expect(exported.items == 4)
        #expect(exported.rows == 5)
        let bytes = try #require(FileManager.default.contents(atPath: exported.path))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let rows = try CSVReader.read(path: exported.path)
        #expect(rows.count == 6)
        #expect(rows[0].map { $0 ?? "" } == ListColumn.headers)
        #expect(rows[1] == ["1", "经营业户", "经营许可证号", "=\"410100000001\"", "=\"410100000001\"", nil, "核心字段不一致",
                            "经营业户名称", "郑州市\"快运\",物流有限公司", "郑州市快运物流\n有限公司", nil, nil, nil, nil, "1", "1",
                            "2025-09-30 10:00:00", "2025-10-14 23:59:59", "待整改", nil, nil])
        #expect(rows[2][0] == "1" && rows[2][7] == "业户地址" && rows[2][8] == nil && rows[2][9] == "金水区, 1号")
        #expect(rows[3][3] == "41010119900101123X" && rows[3][6] == "关键字段重复" && rows[3][14] == "2")
        #expect(rows[4][1] == "营运车辆" && rows[4][3] == "豫A00001 / 2" && rows[4][6] == "部有省无")
        #expect(rows[5][3] == "(空) / 2" && rows[5][6] == "关键字段为空")
        // Recorded as a download.
        #expect(try fixture.results.execute(
            "SELECT first_download_at = '2025-10-10 09:00+08'::timestamptz AS ok FROM recon.lists WHERE id = $1",
            [String(list.id)]).singleRow().bool("ok"))
        #expect(try fixture.results.execute("SELECT count(*) AS n FROM recon.list_downloads").singleRow().int("n") == 1)
        // No partial file left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).count == 1)
    }

    /// A value over Excel's 32,767 characters is cut, marked in its cell, and counted on 汇总; the
    /// progress figures follow tracking (one item on time and consistent, one late and still differing).
    @Test func overlongValuesAreMarkedAndCountedAndProgressShown() throws {
        let fixture = try ListFixture("explong")
        let list = try seed(fixture)
        let long = String(repeating: "长", count: 40_000)
        try fixture.results.execute("""
            UPDATE recon.list_items SET fields = jsonb_set(fields, '{0,province}', to_jsonb($2::text))
            WHERE list_id = $1 AND item_no = 1
            """, [String(list.id), long])
        try fixture.results.execute("""
            UPDATE recon.list_items SET reuploaded_at = '2025-10-09 10:00+08', reupload_kind = 'reupload', on_time = true,
                   resolved = true WHERE list_id = $1 AND item_no = 1
            """, [String(list.id)])
        try fixture.results.execute("""
            UPDATE recon.list_items SET reuploaded_at = '2025-10-16 10:00+08', reupload_kind = 'reupload', on_time = false
            WHERE list_id = $1 AND item_no = 2
            """, [String(list.id)])
        try fixture.results.execute("UPDATE recon.list_items SET resolved = true WHERE list_id = $1 AND item_no = 4", [String(list.id)])
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let exported = try ListExporter(connection: fixture.results)
            .export(listID: list.id, format: .xlsx, to: directory, now: at("2025-10-20T09:00:00+08:00"))
        let operators = try XLSXReader.sheet(exported.path, name: "经营业户")
        let cut = try #require(operators.dropFirst().first?[ListColumn.provinceValue.rawValue])
        #expect(cut.hasSuffix("…[已截断]") && cut.count < 32_768)
        let summary = try XLSXReader.sheet(exported.path, name: "汇总")
        func figure(_ label: String) -> String? { summary.first { $0.first == label }?.dropFirst().first }
        #expect(figure("超长截断单元格") == "1")
        // The portal's five states, each item in one: item 1 consistent, item 2 late, two not answered
        // and past the deadline … but item 4 consistent without a re-upload (its row vanished): it is
        // neither outstanding nor 已逾期未上传.
        #expect(figure("已按期上传（仍不一致）") == "0" && figure("逾期上传（仍不一致）") == "1")
        #expect(figure("已逾期未上传") == "1" && figure("已一致") == "2")
        #expect(figure("待整改（期限内）") == nil, "past the deadline only 已逾期未上传 is shown")
        #expect(figure("待整改合计") == "2")
    }

    @Test func xlsxReadsBackWithXlsx2csv() throws {
        let fixture = try ListFixture("expxlsx")
        let list = try seed(fixture)
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let exported = try ListExporter(connection: fixture.results)
            .export(province: "410000", quarter: try Quarter.parse("2025Q3"), format: .xlsx, to: directory,
                    now: at("2025-10-20T09:00:00+08:00"))
        #expect((exported.path as NSString).lastPathComponent == "整改清单_410000_2025Q3_\(list.id).xlsx")
        #expect(exported.sheets == ["汇总", "经营业户", "从业人员", "营运车辆"])

        let summary = try XLSXReader.sheet(exported.path, name: "汇总")
        #expect(summary.contains { $0.first == "省份" && $0.dropFirst().first == "410000 河南省" })
        #expect(summary.contains { $0.first == "整改条目数" && $0.dropFirst().first == "4" })
        #expect(summary.contains { $0.first == "营运车辆" && Array($0.prefix(7)) == ["营运车辆", "1", "0", "0", "0", "1", "2"] })
        #expect(summary.contains { $0.first == "整改说明" })
        // 整改进度 before tracking: nothing answered yet, all still to do; no cell cut.
        #expect(summary.contains { $0.first == "待整改合计" && $0.dropFirst().first == "4" }, "\(summary)")
        #expect(summary.contains { $0.first == "已按期上传（仍不一致）" && $0.dropFirst().first == "0" })
        #expect(summary.contains { $0.first == "超长截断单元格" && $0.dropFirst().first == "0" })

        let operators = try XLSXReader.sheet(exported.path, name: "经营业户")
        #expect(operators.first == ListColumn.headers(keyLabels: ["经营许可证号"]))
        #expect(operators.first?[ListColumn.keyPart1.rawValue] == "经营许可证号")
        #expect(operators.count == 3)
        #expect(operators[1][8] == "郑州市\"快运\",物流有限公司")
        #expect(operators[1][9] == "郑州市快运物流\n有限公司")
        #expect(operators[1][18] == "已逾期未上传")
        let practitioners = try XLSXReader.sheet(exported.path, name: "从业人员")
        #expect(practitioners.count == 2)
        #expect(practitioners[1][3] == "41010119900101123X")
        let vehicles = try XLSXReader.sheet(exported.path, name: "营运车辆")
        #expect(vehicles.count == 3)
        #expect(vehicles.dropFirst().map { $0[0] } == ["3", "4"])
    }

    /// A list larger than one sheet: with 1,000 rows per sheet (header included), 2,500 vehicles
    /// items fill 营运车辆 (999), 营运车辆(2) (999) and 营运车辆(3) (502); an item's rows stay together.
    @Test func aListLargerThanOneSheet() throws {
        let fixture = try ListFixture("expbig")
        let run = try fixture.run(differing: 2_502)
        try fixture.results.execute("""
            INSERT INTO recon.differences (run_id, record_set, seq, key_text, key_values, category, ministry_count, province_count, fields)
            SELECT $1, 'vehicles', g, format('豫A%s / 2', lpad(g::text, 5, '0')),
                   jsonb_build_object('plate_number', format('豫A%s', lpad(g::text, 5, '0')), 'plate_colour', '2'),
                   'province_only', 0, 1, '[]'::jsonb
            FROM generate_series(1, 2500) g
            """, [String(run)])
        // Two operators items of 3 fields each; with a 4-row sheet... (see below) they sit on the first sheet.
        for seq in 1...2 {
            try fixture.difference(run: run, set: "operators", seq: seq, key: [("licence_no", "41010000000\(seq)")],
                                   category: "field_mismatch",
                                   fields: [("name", "经营业户名称", "a", "b"), ("address", "业户地址", "c", "d"),
                                            ("region_code", "行政区划代码", "410100", "410102")])
        }
        let list = try ListIssuer(connection: fixture.results).issue(runID: run, issuedAt: at("2025-09-30T10:00:00+08:00")).list
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let exported = try ListExporter(connection: fixture.results, rowsPerSheet: 1_000)
            .export(listID: list.id, format: .xlsx, to: directory, now: at("2025-10-01T09:00:00+08:00"))
        #expect(exported.sheets == ["汇总", "经营业户", "从业人员", "营运车辆", "营运车辆(2)", "营运车辆(3)"])
        #expect(exported.items == 2_502)
        #expect(exported.rows == 2_506)
        let counts = try exported.sheets.dropFirst().map { try XLSXReader.sheet(exported.path, name: $0).count }
        #expect(counts == [7, 1, 1_000, 1_000, 503])
        let last = try XLSXReader.sheet(exported.path, name: "营运车辆(3)")
        #expect(last[0] == ListColumn.headers(keyLabels: ["车牌号码", "车牌颜色代码"]))
        #expect(last.last?[ListColumn.keyPart1.rawValue] == "豫A02500" && last.last?[ListColumn.keyPart2.rawValue] == "2")
        #expect(last.last?[3] == "豫A02500 / 2")
        #expect(last[1][0] == "2001")  // 序号 continues: operators are 1–2, vehicles 3…2502

        // Items are kept whole: with 5 rows per sheet, the second 3-row item starts a new sheet.
        let small = try ListExporter(connection: fixture.results, rowsPerSheet: 5)
            .export(listID: list.id, format: .xlsx, to: directory, now: at("2025-10-01T09:00:00+08:00"))
        let firstOperators = try XLSXReader.sheet(small.path, name: "经营业户")
        let secondOperators = try XLSXReader.sheet(small.path, name: "经营业户(2)")
        #expect(firstOperators.dropFirst().map { $0[0] } == ["1", "1", "1"])
        #expect(secondOperators.dropFirst().map { $0[0] } == ["2", "2", "2"])
    }
}

/// Reads a sheet of an XLSX file back with `xlsx2csv` (Debian package, installed by
/// jobs/install-deps.sh) and the project's CSV reader.
enum XLSXReader {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static func sheet(_ path: String, name: String) throws -> [[String]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xlsx2csv", "-n", name, path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "xlsx2csv -n \(name) \(path) failed (\(process.terminationStatus)): \(errorText)")
        }
        return try CSVReader.parse(Array(data), source: "xlsx2csv \(name)").map { $0.map { $0 ?? "" } }
    }
}
