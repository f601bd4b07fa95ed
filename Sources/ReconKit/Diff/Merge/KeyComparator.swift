import Foundation
import PostgresClient
import ReconRules

/// Compares the key columns of two COPY-text rows exactly as PostgreSQL orders them with
/// `ORDER BY k1 COLLATE "C" NULLS FIRST, k2 …`: column by column; NULL (`\N`) before any value;
/// values by their bytes (memcmp, then the shorter first), which is the "C" collation on UTF-8.
///
/// COPY text escapes a few bytes (`\t`, `\n`, `\\` …), which changes their order, so a key field is
/// unescaped first — only when it contains a backslash, which keys almost never do.
///
/// A key column read raw from an integer column (``KeyOrder/integer``, issue 18: read in the
/// primary key's index order) is compared as an integer instead: sign, then number of digits, then
/// digits, which is how PostgreSQL orders `ORDER BY id` (integer output has no leading zeros).
final class KeyComparator {
    /// The number of key columns at the start of each row.
    let keyCount: Int
    /// Per key column: whether it holds integers (compared by value, not by bytes).
    let integerColumns: [Bool]
    private let anyInteger: Bool
    private var left: [UInt8] = []
    private var right: [UInt8] = []

    /// A comparator of rows whose first `keyCount` columns are the key; `integerColumns` marks the
    /// columns compared as integers (default: none).
    init(keyCount: Int, integerColumns: [Bool] = []) {
        precondition(keyCount > 0)
        self.keyCount = keyCount
        self.integerColumns = integerColumns.count == keyCount ? integerColumns : Array(repeating: false, count: keyCount)
        anyInteger = self.integerColumns.contains(true)
        left.reserveCapacity(256)
        right.reserveCapacity(256)
    }

    /// Negative, zero or positive as `a`'s key sorts before, with, or after `b`'s.
    @inline(__always)
    func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        var aStart = 0, bStart = 0
        for column in 0..<keyCount {
            let aEnd = Self.fieldEnd(a, from: aStart)
            let bEnd = Self.fieldEnd(b, from: bStart)
            let fa = UnsafeRawBufferPointer(rebasing: a[aStart..<aEnd])
            let fb = UnsafeRawBufferPointer(rebasing: b[bStart..<bEnd])
            let order = anyInteger && integerColumns[column] ? Self.compareInteger(fa, fb) : compareField(fa, fb)
            if order != 0 || column == keyCount - 1 { return order }
            aStart = aEnd + 1
            bStart = bEnd + 1
        }
        return 0
    }

    /// Compares two raw fields (NULL first, then bytes after unescaping).
    @inline(__always)
    func compareField(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let aNull = CopyText.isNull(a), bNull = CopyText.isNull(b)
        if aNull || bNull { return aNull == bNull ? 0 : (aNull ? -1 : 1) }
        let aEscaped = Self.containsBackslash(a), bEscaped = Self.containsBackslash(b)
        if !aEscaped && !bEscaped { return Self.compareBytes(a, b) }
        if aEscaped { CopyText.unescape(a, into: &left) }
        if bEscaped { CopyText.unescape(b, into: &right) }
        switch (aEscaped, bEscaped) {
        case (true, true):
            return left.withUnsafeBytes { l in right.withUnsafeBytes { r in Self.compareBytes(l, r) } }
        case (true, false):
            return left.withUnsafeBytes { l in Self.compareBytes(l, b) }
        default:
            return right.withUnsafeBytes { r in Self.compareBytes(a, r) }
        }
    }

    /// Compares two integer fields in COPY text (NULL first): negative before non-negative; more
    /// digits is larger (smaller when negative); equal lengths by their digits.
    @inline(__always)
    static func compareInteger(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let aNull = CopyText.isNull(a), bNull = CopyText.isNull(b)
        if aNull || bNull { return aNull == bNull ? 0 : (aNull ? -1 : 1) }
        let aNegative = a.count > 0 && a[0] == 0x2D, bNegative = b.count > 0 && b[0] == 0x2D
        if aNegative != bNegative { return aNegative ? -1 : 1 }
        let magnitude = a.count != b.count ? a.count - b.count : compareBytes(a, b)
        return aNegative ? -magnitude : magnitude
    }

    /// The offset of the tab ending the field that starts at `start` (or the row's end).
    @inline(__always)
    static func fieldEnd(_ row: UnsafeRawBufferPointer, from start: Int) -> Int {
        guard start < row.count, let base = row.baseAddress else { return row.count }
        guard let tab = memchr(base + start, 0x09, row.count - start) else { return row.count }
        return UnsafeRawPointer(tab) - base
    }

    /// The offset just past the key columns: the first byte of the first field column (or the
    /// row's end when the row holds only the key).
    @inline(__always)
    func keyEnd(_ row: UnsafeRawBufferPointer) -> Int {
        var start = 0
        for _ in 0..<keyCount {
            start = Self.fieldEnd(row, from: start) + 1
        }
        return min(start, row.count)
    }

    /// Byte order: memcmp on the common length, then the shorter first (PostgreSQL's "C").
    @inline(__always)
    static func compareBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let common = min(a.count, b.count)
        if common > 0, let pa = a.baseAddress, let pb = b.baseAddress {
            let order = memcmp(pa, pb, common)
            if order != 0 { return Int(order) }
        }
        return a.count - b.count
    }

    @inline(__always)
    static func containsBackslash(_ field: UnsafeRawBufferPointer) -> Bool {
        guard field.count > 0, let base = field.baseAddress else { return false }
        return memchr(base, 0x5C, field.count) != nil
    }

    /// The key columns of a row, decoded (NULL as nil), for messages and difference records.
    func keyValues(_ row: UnsafeRawBufferPointer) -> [String?] {
        var values: [String?] = []
        var start = 0
        for _ in 0..<keyCount {
            let end = Self.fieldEnd(row, from: start)
            values.append(CopyText.decode(UnsafeRawBufferPointer(rebasing: row[min(start, row.count)..<end])))
            start = end + 1
        }
        return values
    }

    /// The key columns of a row exactly as stored, or ``DiffError/invalidText`` when one is not
    /// valid UTF-8 (naming the record set, side, table and column).
    func exactKeyValues(_ row: UnsafeRawBufferPointer, side: DiffSide, recordSet: RecordSetSpec) throws -> [String?] {
        var values: [String?] = []
        var start = 0
        for index in 0..<keyCount {
            let end = Self.fieldEnd(row, from: start)
            switch CopyText.decodeExactly(UnsafeRawBufferPointer(rebasing: row[min(start, row.count)..<end])) {
            case .null: values.append(nil)
            case let .text(text): values.append(text)
            case let .invalid(bytes):
                throw DiffError.invalidText(
                    recordSet: recordSet.name, side: side,
                    table: side == .ministry ? recordSet.ministryTable : recordSet.provinceTable, key: KeyText.combined(keyValues(row)),
                    column: recordSet.key[index].columnName(ministry: side == .ministry), bytes: InvalidBytes.describe(bytes))
            }
            start = end + 1
        }
        return values
    }

    /// Whether any key column is NULL or empty (关键字段为空).
    func hasEmptyColumn(_ row: UnsafeRawBufferPointer) -> Bool {
        var start = 0
        for _ in 0..<keyCount {
            let end = Self.fieldEnd(row, from: start)
            let field = UnsafeRawBufferPointer(rebasing: row[min(start, row.count)..<end])
            if field.count == 0 || CopyText.isNull(field) { return true }
            start = end + 1
        }
        return false
    }

    /// A key rendered for messages: columns joined by ` / `, NULL as `NULL`, each value quoted.
    func describeKey(_ row: UnsafeRawBufferPointer) -> String {
        keyValues(row).map { $0.map { "\"\($0)\"" } ?? "NULL" }.joined(separator: " / ")
    }
}
