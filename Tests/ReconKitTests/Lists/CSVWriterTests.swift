import Foundation
import Testing
@testable import ReconKit
@testable import ReconRules

/// A fresh directory for one test, removed afterwards.
private final class CSVTestDirectory {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "recon-csv-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> String { path + "/" + name }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

@Suite("CSVWriter and CSVReader")
struct CSVWriterTests {
    /// Values a rectification list may hold, and the awkward ones.
    static let table: [[String?]] = [
        ["序号", "车牌号", "身份证号", "道路运输证号", "问题描述", "备注"],
        ["1", "京A12345", "11010119900101123X", "110101000123", "经营范围不符，需整改", nil],
        ["2", "粤B·D0001", "440301198512310018", "000000000001", "含,逗号", ""],
        ["3", "沪C00001", "31011519770707002x", "440300012345", "含\"引号\"和\"\"双引号", "  前后空格  "],
        ["4", nil, "", nil, "第一行\n第二行\r\n第三行\r第四行", "\t制表符"],
        ["5", "=1+1", "'quoted'", "a\"b", ",", "\""],
        [nil],
        [""],
        [nil, nil],
        ["末行"],
    ]

    @Test func roundTripKeepsEveryValueAndNilVersusEmpty() throws {
        let directory = try CSVTestDirectory()
        let path = directory.file("整改清单.csv")
        let writer = try CSVWriter(path: path)
        for row in Self.table { try writer.writeRow(row) }
        #expect(writer.rowsWritten == Self.table.count)
        try writer.close()
        #expect(try CSVReader.read(path: path) == Self.table)
    }

    @Test func bytesAreBOMQuotedFieldsAndCRLF() throws {
        let directory = try CSVTestDirectory()
        let path = directory.file("bytes.csv")
        let writer = try CSVWriter(path: path)
        try writer.writeRow(["a", "b,c", nil, "", "say \"hi\"", "中文"])
        try writer.writeRow(["x\ny", " lead", "trail ", "mid dle"])
        try writer.close()
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let expected: [UInt8] = [0xEF, 0xBB, 0xBF]
            + Array("a,\"b,c\",,\"\",\"say \"\"hi\"\"\",中文\r\n\"x\ny\",\" lead\",\"trail \",mid dle\r\n".utf8)
        #expect(Array(bytes) == expected)
    }

    @Test(arguments: [
        ("plain", "plain"), ("", "\"\""), ("a,b", "\"a,b\""), ("a\"b", "\"a\"\"b\""), ("\"", "\"\"\"\""),
        ("a\nb", "\"a\nb\""), ("a\rb", "\"a\rb\""), (" a", "\" a\""), ("a ", "\"a \""), ("\ta", "\"\ta\""),
        ("a b", "a b"), ("整改", "整改"), ("11010119900101123X", "11010119900101123X"),
    ])
    func fieldQuoting(value: String, encoded: String) {
        var output: [UInt8] = []
        CSVWriter.appendField(value, to: &output)
        #expect(String(decoding: output, as: UTF8.self) == encoded)
    }

    @Test func withoutByteOrderMark() throws {
        let directory = try CSVTestDirectory()
        let path = directory.file("nobom.csv")
        let writer = try CSVWriter(path: path, byteOrderMark: false)
        try writer.writeRow(["a"])
        try writer.close()
        #expect(FileManager.default.contents(atPath: path) == Data("a\r\n".utf8))
    }

    @Test func emptyFileHasOnlyTheBOMAndNoRows() throws {
        let directory = try CSVTestDirectory()
        let path = directory.file("empty.csv")
        try CSVWriter(path: path).close()
        #expect(FileManager.default.contents(atPath: path) == Data([0xEF, 0xBB, 0xBF]))
        #expect(try CSVReader.read(path: path).isEmpty)
    }

    @Test func manyRowsAcrossBufferChunks() throws {
        let directory = try CSVTestDirectory()
        let path = directory.file("many.csv")
        let writer = try CSVWriter(path: path)
        var expected: [[String?]] = []
        for index in 0..<5_000 {
            let row: [String?] = [String(index), "车辆\(index),备注", index % 3 == 0 ? nil : "\"\(index)\"", String(repeating: "整", count: index % 50)]
            expected.append(row)
            try writer.writeRow(row)
        }
        try writer.close()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size > 3 * CSVWriter.chunkSize)
        #expect(try CSVReader.read(path: path) == expected)
    }

    /// An independent reader: Python's csv module with the utf-8-sig codec (as Excel/WPS do,
    /// it cannot tell nil from empty, so both read as "").
    @Test func pythonCSVModuleReadsTheSameValues() throws {
        let directory = try CSVTestDirectory()
        let path = directory.file("python.csv")
        let writer = try CSVWriter(path: path)
        for row in Self.table { try writer.writeRow(row) }
        try writer.close()
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let executable = try #require(python, "python3 is needed as an independent CSV reader (jobs/install-deps.sh installs it)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-c", "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))))", path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let rows = try JSONDecoder().decode([[String]].self, from: data)
        // Python's reader gives [] for an empty line where ours gives [nil].
        let expected = Self.table.map { $0 == [nil] ? [] : $0.map { $0 ?? "" } }
        #expect(rows == expected)
    }

    @Test func openingInAMissingDirectoryNamesThePath() throws {
        let path = "/nonexistent-recon-\(UUID().uuidString)/清单.csv"
        do {
            _ = try CSVWriter(path: path)
            Issue.record("opened \(path)")
        } catch let error as CSVError {
            #expect(error.description.contains(path))
            #expect(error.description.contains("No such file or directory"))
        }
    }

    @Test func closeOnceAndNothingAfter() throws {
        let directory = try CSVTestDirectory()
        let path = directory.file("once.csv")
        let writer = try CSVWriter(path: path)
        try writer.writeRow(["a"])
        try writer.close()
        #expect(throws: CSVError.closed(path: path)) { try writer.close() }
        #expect(throws: CSVError.closed(path: path)) { try writer.writeRow(["b"]) }
        #expect(try CSVReader.read(path: path) == [["a"]])
    }

    @Test func deinitFlushesAForgottenWriter() throws {
        let directory = try CSVTestDirectory()
        let path = directory.file("forgotten.csv")
        do {
            let writer = try CSVWriter(path: path)
            try writer.writeRow(["未关闭", nil])
        }
        #expect(try CSVReader.read(path: path) == [["未关闭", nil]])
    }
}

@Suite("CSVReader")
struct CSVReaderTests {
    @Test func acceptsLFAndCRLineEndsAndAMissingFinalLineEnd() throws {
        #expect(try CSVReader.parse("a,b\nc,d") == [["a", "b"], ["c", "d"]])
        #expect(try CSVReader.parse("a,b\rc,d\r") == [["a", "b"], ["c", "d"]])
        #expect(try CSVReader.parse("a,\r\n,b\r\n") == [["a", nil], [nil, "b"]])
        #expect(try CSVReader.parse("a,") == [["a", nil]])
        #expect(try CSVReader.parse("") == [])
    }

    @Test func quotedFieldsKeepLineEndsQuotesAndCommas() throws {
        #expect(try CSVReader.parse("\"a\r\nb\",\"c\"\"d\",\"e,f\",\"\"\r\n") == [["a\r\nb", "c\"d", "e,f", ""]])
    }

    @Test func byteOrderMarkIsSkippedOnlyAtTheStart() throws {
        #expect(try CSVReader.parse([0xEF, 0xBB, 0xBF] + Array("中,文\r\n".utf8)) == [["中", "文"]])
        #expect(try CSVReader.parse(Array("a\r\n".utf8) + [0xEF, 0xBB, 0xBF]) == [["a"], ["\u{FEFF}"]])
    }

    @Test(arguments: [
        ("a,\"b\r\nc,d\r\n", 1, "quoted field is not closed"),
        ("x\r\ny,\"b\"c\r\n", 2, "after a closing quote"),
        ("x\ny\nab\"c\n", 3, "inside an unquoted field"),
        ("\"multi\nline\"\nok,\"bad\"x", 3, "after a closing quote"),
    ])
    func malformedInputNamesTheLine(text: String, line: Int, reason: String) {
        do {
            _ = try CSVReader.parse(text, source: "test.csv")
            Issue.record("accepted \(text.debugDescription)")
        } catch let error as CSVError {
            guard case let .malformed(source, reportedLine, message) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(source == "test.csv")
            #expect(reportedLine == line)
            #expect(message.contains(reason))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func missingFileIsNamed() {
        #expect(throws: CSVError.cannotRead(path: "/nonexistent/清单.csv")) { try CSVReader.read(path: "/nonexistent/清单.csv") }
    }

    @Test func invalidUTF8IsRefused() {
        #expect(throws: CSVError.malformed(source: "<bytes>", line: 2, reason: "invalid UTF-8")) {
            try CSVReader.parse(Array("ok\r\n".utf8) + [0xC3, 0x28])
        }
    }
}
