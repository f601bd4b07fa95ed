import Foundation
import ReconRules

/// Streams rows to a CSV file that Excel and WPS open correctly, for rectification lists
/// (整改清单) that provinces download (issue 6).
///
/// The format is RFC 4180 with what Excel and WPS need on Chinese systems:
/// - UTF-8 with a byte-order mark (`EF BB BF`), without which Excel reads the file as GBK
///   and shows Chinese as mojibake;
/// - CRLF at the end of every row (newlines inside a field are kept as given);
/// - a field is quoted when it contains a comma, a double quote, CR or LF, or begins or ends
///   with a space or tab (which Excel would otherwise trim); quotes inside are doubled;
/// - `nil` is an empty field; an empty string is written `""`, so that ``CSVReader`` can tell
///   the two apart (Excel shows both as an empty cell).
///
/// Rows are collected in a 64 KiB buffer and written with `write(2)` when it fills, so memory
/// stays bounded for any number of rows. Call ``close()`` once at the end; `deinit` flushes and
/// closes a forgotten writer but cannot report an error.
///
/// Note: this writer keeps values exactly. Excel, when it *opens* a CSV, still turns digit-only
/// fields such as 18-digit ID numbers into rounded numbers — offer the XLSX list for viewing in
/// Excel, and this CSV for machines and for WPS/import.
///
/// Not `Sendable`: one writer belongs to one task.
public final class CSVWriter {
    /// The UTF-8 byte-order mark written first.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// The buffer size after which bytes are written to the file.
    static let chunkSize = 64 * 1024

    /// The file being written.
    public let path: String
    /// Rows written so far.
    public private(set) var rowsWritten = 0

    private var descriptor: Int32
    private var buffer: [UInt8] = []

    /// Creates (or truncates) the file at `path` and writes the byte-order mark.
    /// - Parameter byteOrderMark: write `EF BB BF` first (default; Excel needs it).
    /// - Throws: ``CSVError/cannotOpen(path:reason:)`` naming the path and the system's reason.
    public init(path: String, byteOrderMark: Bool = true) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CSVError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        buffer.reserveCapacity(CSVWriter.chunkSize + 4096)
        if byteOrderMark { buffer.append(contentsOf: CSVWriter.byteOrderMark) }
    }

    deinit {
        if descriptor >= 0 {
            try? flush()
            _ = Foundation.close(descriptor)
        }
    }

    /// Appends one row; `nil` is an empty field. An empty array writes an empty line (which
    /// reads back as one `nil` field).
    /// - Throws: ``CSVError/writeFailed(path:reason:)``, ``CSVError/closed(path:)``.
    public func writeRow(_ fields: [String?]) throws {
        guard descriptor >= 0 else { throw CSVError.closed(path: path) }
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            if let field { CSVWriter.appendField(field, to: &buffer) }
        }
        buffer.append(contentsOf: [0x0D, 0x0A])
        rowsWritten += 1
        if buffer.count >= CSVWriter.chunkSize { try flush() }
    }

    /// Writes what is buffered and closes the file. Call exactly once.
    /// - Throws: ``CSVError/writeFailed(path:reason:)`` (the file is closed all the same),
    ///   ``CSVError/closed(path:)`` when already closed.
    public func close() throws {
        guard descriptor >= 0 else { throw CSVError.closed(path: path) }
        defer { descriptor = -1 }
        do {
            try flush()
        } catch {
            _ = Foundation.close(descriptor)
            throw error
        }
        if Foundation.close(descriptor) != 0 {
            throw CSVError.writeFailed(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Appends `field` to `output`, quoted when RFC 4180 or Excel need it.
    static func appendField(_ field: String, to output: inout [UInt8]) {
        let bytes = field.utf8
        if needsQuotes(bytes) {
            output.append(UInt8(ascii: "\""))
            for byte in bytes {
                if byte == UInt8(ascii: "\"") { output.append(byte) }
                output.append(byte)
            }
            output.append(UInt8(ascii: "\""))
        } else {
            output.append(contentsOf: bytes)
        }
    }

    /// Whether a field must be quoted: empty (to differ from `nil`); contains `,` `"` CR or LF;
    /// or begins or ends with a space or tab.
    static func needsQuotes(_ bytes: String.UTF8View) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        if isBlank(first) || isBlank(last) { return true }
        return bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
    }

    /// Writes the whole buffer, retrying short writes and interrupted calls.
    private func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw in
                write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw CSVError.writeFailed(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
