import Foundation

/// Entry points of the strict TOML parser used for `recon.toml`.
///
/// Supported (TOML 1.0 subset): comments; bare, quoted and dotted keys; basic, literal and
/// multi-line strings with escapes; integers (decimal with `_` and sign, `0x`/`0o`/`0b`);
/// booleans; arrays (multi-line, trailing comma, nested, mixed); inline tables; `[table]` and
/// `[[array.of.tables]]` headers. Floats, `inf`/`nan`, dates and times are rejected with a
/// "not supported here" error naming the line: the configuration has no use for them and recon
/// keeps to exact arithmetic. Input is UTF-8; a leading byte order mark is skipped.
public enum TOMLDocument {
    /// Parses a document; errors are ``TOMLError``s naming `fileName`, line and column.
    public static func parse(_ text: String, fileName: String) throws -> TOMLTable {
        var parser = TOMLParser(scalars: Array(text.unicodeScalars), fileName: fileName)
        return try parser.parseDocument()
    }

    /// Parses UTF-8 bytes, rejecting invalid UTF-8 with the line where it occurs.
    public static func parse(utf8 bytes: some Sequence<UInt8>, fileName: String) throws -> TOMLTable {
        var scalars: [Unicode.Scalar] = []
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var line = 1
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                scalars.append(scalar)
            case .emptyInput:
                break decoding
            case .error:
                throw TOMLError(fileName: fileName, line: line, message: "invalid UTF-8 (a TOML file must be UTF-8 encoded)")
            }
        }
        var parser = TOMLParser(scalars: scalars, fileName: fileName)
        return try parser.parseDocument()
    }

    /// Reads and parses a file; errors name it as `displayName` (default: the path as given).
    public static func parse(contentsOfFile path: String, displayName: String? = nil) throws -> TOMLTable {
        let name = displayName ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TOMLError(fileName: name, line: nil, message: "cannot read the file")
        }
        return try parse(utf8: data, fileName: name)
    }
}
