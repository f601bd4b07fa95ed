import Foundation
import Testing

/// Reads generated workbooks back with the `xlsx2csv` command (Debian package `xlsx2csv`,
/// installed by jobs/install-deps.sh). A missing command fails the test — it never skips.
enum Xlsx2CSV {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The rows of sheet `number` (1-based) of `path`, parsed from xlsx2csv's CSV output.
    static func sheet(_ number: Int, of path: String) throws -> [[String]] {
        try parseCSV(run(["-s", String(number), path]))
    }

    /// Runs xlsx2csv with `arguments` and returns its standard output as UTF-8 text.
    static func run(_ arguments: [String]) throws -> String {
        guard let executable = findOnPath("xlsx2csv") else {
            throw Failure(description: "the xlsx2csv command is not on PATH; install the Debian package xlsx2csv (bash jobs/install-deps.sh) — these tests need it to read generated XLSX files back")
        }
        return try runProcess(executable, arguments)
    }

    /// Text of the file `member` inside the zip container `path` (via python3's zipfile).
    static func zipMember(_ member: String, of path: String) throws -> String {
        guard let python = findOnPath("python3") else {
            throw Failure(description: "python3 is not on PATH; it is needed to look inside generated XLSX files")
        }
        return try runProcess(python, ["-c", "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode('utf-8'))", path, member])
    }

    /// The text of every inline-string cell of sheet `number`, by A1 reference, read with
    /// python3's XML parser (xlsx2csv 0.7.8 keeps only the last parser chunk of a very long cell,
    /// so long texts are checked this way).
    static func inlineStrings(sheet number: Int, of path: String) throws -> [String: String] {
        guard let python = findOnPath("python3") else {
            throw Failure(description: "python3 is not on PATH; it is needed to look inside generated XLSX files")
        }
        let script = """
        import json, sys, zipfile, xml.etree.ElementTree as ET
        ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
        root = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet%s.xml" % sys.argv[2]))
        cells = {c.get("r"): "".join(t.text or "" for t in c.iterfind("m:is/m:t", ns)) for c in root.iter("{%s}c" % ns["m"]) if c.get("t") == "inlineStr"}
        sys.stdout.write(json.dumps(cells))
        """
        let json = try runProcess(python, ["-c", script, path, String(number)])
        return try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
    }

    private static func runProcess(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(executable) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus): \(String(decoding: errorData, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func findOnPath(_ command: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(command)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// A minimal RFC 4180 reader for xlsx2csv's output (`,`, `"` quoting, `\n` or `\r\n` rows).
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var characters = Array(text.unicodeScalars)[...]
        while let scalar = characters.popFirst() {
            if inQuotes {
                if scalar == "\"" {
                    if characters.first == "\"" { field.unicodeScalars.append("\""); characters.removeFirst() }
                    else { inQuotes = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": inQuotes = true
            case ",": row.append(field); field = ""
            case "\r" where characters.first == "\n": continue
            case "\n": row.append(field); rows.append(row); row = []; field = ""
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}

/// A fresh directory under the system temporary directory, removed on deinit.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "xlsxwriter-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
