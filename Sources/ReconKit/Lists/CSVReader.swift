import Foundation
import ReconRules

/// Reads RFC 4180 CSV, as written by ``CSVWriter``: for tests, round trips and small files.
///
/// - A leading UTF-8 byte-order mark is skipped.
/// - Rows end with CRLF, LF or a lone CR; the last row may lack its line end.
/// - A quoted field may hold commas, doubled quotes and line ends (kept exactly).
/// - An unquoted empty field is `nil`; a quoted empty field (`""`) is `""`.
/// - An empty line is a row of one `nil` field.
/// - Strict: a quote inside an unquoted field, text after a closing quote, an unterminated
///   quoted field or invalid UTF-8 throw ``CSVError/malformed(source:line:reason:)``.
public enum CSVReader {
    /// The rows of the CSV file at `path` (read whole into memory).
    /// - Throws: ``CSVError/cannotRead(path:)``, ``CSVError/malformed(source:line:reason:)``.
    public static func read(path: String) throws -> [[String?]] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CSVError.cannotRead(path: path)
        }
        return try parse(Array(data), source: path)
    }

    /// The rows of `text`.
    public static func parse(_ text: String, source: String = "<text>") throws -> [[String?]] {
        try parse(Array(text.utf8), source: source)
    }

    /// The rows of the UTF-8 bytes `bytes`; `source` names them in errors.
    public static func parse(_ bytes: [UInt8], source: String = "<bytes>") throws -> [[String?]] {
        var parser = Parser(bytes: bytes, source: source)
        return try parser.rows()
    }

    /// The state of one parse.
    private struct Parser {
        let bytes: [UInt8]
        let source: String
        var index = 0
        var line = 1

        init(bytes: [UInt8], source: String) {
            self.bytes = bytes
            self.source = source
            if bytes.starts(with: CSVWriter.byteOrderMark) { index = 3 }
        }

        mutating func rows() throws -> [[String?]] {
            var rows: [[String?]] = []
            var row: [String?] = []
            while index < bytes.count {
                let field = try nextField()
                row.append(field)
                guard index < bytes.count else { break }
                let separator = bytes[index]
                index += 1
                if separator == UInt8(ascii: ",") {
                    if index == bytes.count { row.append(nil) }  // "a," at the very end
                    continue
                }
                // A line end: CRLF, LF or CR.
                if separator == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
                line += 1
                rows.append(row)
                row = []
            }
            if !row.isEmpty { rows.append(row) }
            return rows
        }

        /// Reads one field, leaving `index` on the separator (`,`, CR, LF) or at the end.
        private mutating func nextField() throws -> String? {
            if bytes[index] == UInt8(ascii: "\"") { return try quotedField() }
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: ",") || byte == 0x0D || byte == 0x0A { break }
                if byte == UInt8(ascii: "\"") {
                    throw malformed("a double quote inside an unquoted field (column \(index - start + 1) of the field)")
                }
                index += 1
            }
            if index == start { return nil }
            return try decode(bytes[start..<index])
        }

        private mutating func quotedField() throws -> String {
            let startLine = line
            index += 1
            var field: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                        continue
                    }
                    if index < bytes.count, ![UInt8(ascii: ","), 0x0D, 0x0A].contains(bytes[index]) {
                        throw malformed("unexpected character after a closing quote")
                    }
                    return try decode(field[...])
                }
                if byte == 0x0A || (byte == 0x0D && (index == bytes.count || bytes[index] != 0x0A)) { line += 1 }
                field.append(byte)
            }
            throw CSVError.malformed(source: source, line: startLine, reason: "quoted field is not closed")
        }

        /// The field's text; a U+FEFF inside the data is kept (Foundation's decoder would drop it).
        private func decode(_ slice: ArraySlice<UInt8>) throws -> String {
            var iterator = slice.makeIterator()
            var decoder = UTF8()
            decoding: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue: continue
                case .emptyInput: break decoding
                case .error: throw malformed("invalid UTF-8")
                }
            }
            return String(decoding: slice, as: UTF8.self)
        }

        private func malformed(_ reason: String) -> CSVError {
            CSVError.malformed(source: source, line: line, reason: reason)
        }
    }
}
