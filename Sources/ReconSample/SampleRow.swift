/// One generated row of a record set: every column's value as UTF-8 bytes (or NULL), packed in one
/// reusable buffer so that generating a row allocates nothing in steady state.
///
/// Values never contain a tab, newline, carriage return or backslash (the generator's words and
/// noise don't), so a row is written to a COPY text stream as it is.
import ReconRules
import ReconKit

struct SampleRow: Sendable, Equatable {
    /// All values, one after another.
    private(set) var bytes: [UInt8] = []
    /// Start offset of each column's value in `bytes`.
    private(set) var starts: [Int]
    /// End offset of each column's value in `bytes`; -1 marks NULL.
    private(set) var ends: [Int]
    /// The column being written by the `append` functions.
    private var current = -1

    /// An empty row of `columnCount` columns (every value NULL).
    init(columnCount: Int) {
        starts = Array(repeating: 0, count: columnCount)
        ends = Array(repeating: -1, count: columnCount)
        bytes.reserveCapacity(512)
    }

    /// The number of columns.
    var columnCount: Int { starts.count }

    /// Empties the row, keeping its capacity.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        for i in 0..<ends.count { ends[i] = -1 }
        current = -1
    }

    /// Starts writing column `column` (columns may be written in any order, each once).
    @inline(__always)
    mutating func begin(_ column: Int) {
        current = column
        starts[column] = bytes.count
        ends[column] = bytes.count
    }

    /// Appends bytes to the current column.
    @inline(__always)
    mutating func append(_ value: [UInt8]) {
        bytes.append(contentsOf: value)
        ends[current] = bytes.count
    }

    /// Appends bytes to the current column.
    @inline(__always)
    mutating func append(_ value: ArraySlice<UInt8>) {
        bytes.append(contentsOf: value)
        ends[current] = bytes.count
    }

    /// Lets `body` append bytes to the current column.
    @inline(__always)
    mutating func appendBytes(_ body: (inout [UInt8]) -> Void) {
        body(&bytes)
        ends[current] = bytes.count
    }

    /// Appends one byte to the current column.
    @inline(__always)
    mutating func append(byte: UInt8) {
        bytes.append(byte)
        ends[current] = bytes.count
    }

    /// Appends a string's UTF-8 to the current column.
    @inline(__always)
    mutating func append(_ value: String) {
        bytes.append(contentsOf: value.utf8)
        ends[current] = bytes.count
    }

    /// Appends `value` in decimal, zero-padded to `width` digits (no sign; `value` ≥ 0).
    @inline(__always)
    mutating func append(number value: Int, width: Int = 0) {
        SampleBytes.appendDecimal(value, width: width, to: &bytes)
        ends[current] = bytes.count
    }

    /// Appends a date `YYYY-MM-DD` (a day number: days since 1970-01-01).
    @inline(__always)
    mutating func append(day: Int) {
        SampleBytes.appendDate(dayNumber: day, to: &bytes)
        ends[current] = bytes.count
    }

    /// Writes column `column` as `value` (nil: NULL).
    mutating func set(_ column: Int, _ value: [UInt8]?) {
        guard let value else { setNull(column); return }
        begin(column)
        append(value)
    }

    /// Makes column `column` NULL.
    mutating func setNull(_ column: Int) {
        starts[column] = bytes.count
        ends[column] = -1
    }

    /// Whether column `column` is NULL.
    func isNull(_ column: Int) -> Bool { ends[column] < 0 }

    /// The value of column `column`; nil for NULL.
    func value(_ column: Int) -> ArraySlice<UInt8>? {
        let end = ends[column]
        return end < 0 ? nil : bytes[starts[column]..<end]
    }

    /// Calls `body` with the value of `column` (nil for NULL) as a raw buffer.
    func withValue<R>(_ column: Int, _ body: (UnsafeRawBufferPointer?) -> R) -> R {
        let end = ends[column]
        guard end >= 0 else { return body(nil) }
        return bytes.withUnsafeBytes { all in body(UnsafeRawBufferPointer(rebasing: all[starts[column]..<end])) }
    }

    /// Column `column` as a `String` (nil for NULL), for tests and messages.
    func string(_ column: Int) -> String? {
        value(column).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every column as `String?`, for tests.
    var strings: [String?] { (0..<columnCount).map(string) }

    /// Copies every column of `other` (same column count).
    mutating func copy(from other: SampleRow) {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: other.bytes)
        for i in 0..<starts.count {
            starts[i] = other.starts[i]
            ends[i] = other.ends[i]
        }
        current = -1
    }

    /// Appends the row as COPY text fields (tab-separated, `\N` for NULL, no final newline).
    func appendCopyFields(to buffer: inout [UInt8]) {
        for column in 0..<starts.count {
            if column > 0 { buffer.append(0x09) }
            let end = ends[column]
            if end < 0 {
                buffer.append(0x5C); buffer.append(0x4E)
            } else {
                buffer.append(contentsOf: bytes[starts[column]..<end])
            }
        }
    }

    /// Equal when every column holds the same value (layout in the buffer does not matter).
    static func == (lhs: SampleRow, rhs: SampleRow) -> Bool {
        guard lhs.columnCount == rhs.columnCount else { return false }
        return (0..<lhs.columnCount).allSatisfy { lhs.value($0) == rhs.value($0) }
    }
}
