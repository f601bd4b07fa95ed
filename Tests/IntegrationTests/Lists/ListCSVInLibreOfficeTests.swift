import Foundation
import PostgresClient
import ReconKit
import ReconRules
import ReconTestSupport
import Testing

/// The list's CSV opened in the client a province uses: LibreOffice Calc, headless
/// (`soffice --convert-to`, Debian's libreoffice-calc-nogui, installed by jobs/install-deps.sh).
/// Formulas planted in province values stay inert text; 18-digit ID numbers and 12-digit licence
/// numbers keep every digit (docs/rules.md, "Lists in spreadsheets").
@Suite("List CSV opened in LibreOffice", .serialized)
struct ListCSVInLibreOfficeTests {
    static let planted: [(column: String, label: String, value: String)] = [
        ("name", "经营业户名称", "=HYPERLINK(\"http://example.invalid/\",\"点击查看\")"),
        ("address", "业户地址", "+1+2"),
        ("phone", "联系电话", "@SUM(1,2)"),
        ("scope", "经营范围", "=cmd|' /C calc'!A0"),
        ("note", "备注", "-2+3"),
        ("id", "负责人身份证号", "410102196707138123"),
        ("code", "统一社会信用代码", "913700001234567890"),
        ("zero", "区划代码", "0371"),
    ]

    @Test func formulasStayTextAndDigitsStayExact() throws {
        let soffice = try Self.soffice()
        let fixture = try ListFixture("lo_csv")
        let run = try fixture.run(differing: 1, official: true)
        try fixture.difference(run: run, set: "operators", seq: 1, key: [("licence_no", "410100000001")], category: "field_mismatch",
                               fields: Self.planted.map { ($0.column, $0.label, "部级值", $0.value) })
        let list = try ListIssuer(connection: fixture.results).issue(runID: run, official: true,
                                                                      issuedAt: at("2025-09-30T10:00:00+08:00")).list
        let directory = NSTemporaryDirectory() + "lo-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let exported = try ListExporter(connection: fixture.results)
            .export(listID: list.id, format: .csv, to: directory, now: at("2025-10-10T09:00:00+08:00"))

        // LibreOffice imports the CSV (UTF-8, comma, double quote) and writes what its cells hold.
        let out = directory + "/out"
        try Self.run(soffice, ["--headless", "-env:UserInstallation=file://\(directory)/profile", "--infilter=CSV:44,34,76,1",
                               "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", out, exported.path])
        let name = (exported.path as NSString).lastPathComponent
        let cells = try CSVReader.read(path: out + "/" + name)
        #expect(cells.count == 1 + Self.planted.count)
        let province = ListColumn.provinceValue.rawValue
        let key = ListColumn.keyValues.rawValue
        for (index, planted) in Self.planted.enumerated() {
            let cell = cells[index + 1][province] ?? ""
            if planted.value.allSatisfy(\.isNumber) {
                #expect(cell == planted.value, "\(planted.label): digits changed to \(cell)")
            } else {
                // Inert: the text is still there (behind the apostrophe), nothing was evaluated.
                #expect(cell == "'" + planted.value, "\(planted.label): LibreOffice shows \(cell)")
            }
            #expect(cells[index + 1][key] == "410100000001", "the licence number keeps its 12 digits")
        }
    }

    /// `soffice`, or a failure naming the package (never a skip).
    static func soffice() throws -> String {
        for candidate in ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        throw TestSupportError("LibreOffice (soffice) is not installed: jobs/install-deps.sh installs libreoffice-calc-nogui")
    }

    static func run(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestSupportError("\(executable) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
    }
}
