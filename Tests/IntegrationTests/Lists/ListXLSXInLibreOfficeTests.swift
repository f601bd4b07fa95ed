import Foundation
import PostgresClient
import ReconKit
import ReconRules
import ReconTestSupport
import Testing

/// The list's XLSX opened in LibreOffice Calc, headless, every sheet written back as CSV
/// (`soffice --convert-to csv:…:-1`): the workbook opens, its sheets and Chinese headers are there,
/// key digits survive, a multi-line value stays one cell, and 汇总's 整改进度 reads as written
/// (docs/rules.md, "Lists in spreadsheets", "Lists: every item locatable").
@Suite("List XLSX opened in LibreOffice", .serialized)
struct ListXLSXInLibreOfficeTests {
    @Test func everySheetOpensWithItsHeadersAndValues() throws {
        let soffice = try ListCSVInLibreOfficeTests.soffice()
        let fixture = try ListFixture("lo_xlsx")
        let exports = ListExportTests()
        let list = try exports.seed(fixture)
        try fixture.results.execute("""
            UPDATE recon.list_items SET reuploaded_at = '2025-10-16 10:00+08', reupload_kind = 'reupload', on_time = false
            WHERE list_id = $1 AND item_no = 2
            """, [String(list.id)])
        let directory = try exports.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let exported = try ListExporter(connection: fixture.results)
            .export(listID: list.id, format: .xlsx, to: directory, now: at("2025-10-20T09:00:00+08:00"))

        let out = directory + "/out"
        // Token 12 = -1: every sheet to a file of its own, `<name>-<sheet>.csv`.
        try ListCSVInLibreOfficeTests.run(soffice, [
            "--headless", "-env:UserInstallation=file://\(directory)/profile",
            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir", out, exported.path])
        let base = ((exported.path as NSString).lastPathComponent as NSString).deletingPathExtension
        func sheet(_ name: String) throws -> [[String?]] { try CSVReader.read(path: "\(out)/\(base)-\(name).csv") }

        let summary = try sheet("汇总")
        func figure(_ label: String) -> String? { (summary.first { $0.first == label }?.dropFirst().first).flatMap { $0 } }
        #expect(figure("省份") == "410000 河南省")
        #expect(figure("整改条目数") == "4")
        #expect(figure("逾期上传（仍不一致）") == "1" && figure("已逾期未上传") == "3" && figure("待整改合计") == "4", "\(summary)")

        let operators = try sheet("经营业户")
        let header = try #require(operators.first)
        #expect(header.contains("经营许可证号") && header.contains("部级系统值") && header.contains("省级系统值"), "\(header)")
        let keyColumn = try #require(header.firstIndex(of: "经营许可证号"))
        #expect(operators.dropFirst().allSatisfy { $0[keyColumn] == "410100000001" }, "the licence number keeps its 12 digits")
        let values = operators.dropFirst().flatMap { $0.compactMap { $0 } }
        #expect(values.contains("郑州市快运物流\n有限公司"), "a multi-line value is one cell")
        #expect(values.contains("郑州市\"快运\",物流有限公司"))

        let practitioners = try sheet("从业人员")
        #expect(practitioners.dropFirst().contains { $0.contains("41010119900101123X") }, "an ID number with X stays text")
        let vehicles = try sheet("营运车辆")
        #expect(vehicles.first?.contains("车牌号码") == true && vehicles.first?.contains("车牌颜色代码") == true)
        #expect(vehicles.dropFirst().contains { $0.contains("豫A00001") })
    }
}
