import Foundation
import PostgresClient
import ReconRules

/// Indicator 12's counts: the quarter's business-handling records in the ministry system (by
/// submission time, 注1: 数据统计以报送时间为准) and how many of them are present in the platform
/// (便民政务系统), matched by serial number — by key, so the rate cannot pass 100%.
///
/// Both sides are in different databases: each is streamed sorted (`COLLATE "C"`) and merged here,
/// in constant memory.
public struct AggregationCounts: Sendable, Equatable {
    /// Ministry records of the quarter: distinct serial numbers (业务流水号), each counted once however
    /// many rows carry it; a row without a serial number counts as a record of its own that never
    /// matches (docs/rules.md, "Indicator 12").
    public let ministryRecords: Int
    /// Of those, the ones whose serial number is in the platform.
    public let matchedRecords: Int

    /// Counts.
    public init(ministryRecords: Int, matchedRecords: Int) {
        self.ministryRecords = ministryRecords
        self.matchedRecords = matchedRecords
    }
}

/// Counts indicator 12 for one province and quarter.
public struct AggregationCounter {
    let ministry: Connection
    let platform: Connection
    let spec: BusinessRecordSpec

    /// A counter over the ministry's and the platform's databases.
    public init(ministry: Connection, platform: Connection, spec: BusinessRecordSpec) {
        self.ministry = ministry
        self.platform = platform
        self.spec = spec
    }

    /// The counts for `province` and `quarter` (Beijing quarter boundaries).
    public func count(province: String, quarter: Quarter) throws -> AggregationCounts {
        let start = BeijingTimeFormat.iso(BeijingTime.startOfDay(quarter.firstDay))
        let end = BeijingTimeFormat.iso(BeijingTime.startOfDay(quarter.lastDay.next))
        // Serial numbers are compared as identifier keys are (全角, spaces, case): the same
        // normalisation as the diff's keys, in SQL, so that both sides sort alike.
        let serial = try KeyNormalisationSQL.expression(column: try ministry.quoteIdentifier(spec.serialColumn),
                                                        normalisers: FieldSpec.identifierNormalisers,
                                                        recordSet: "business_records", columnName: spec.serialColumn)
        let ministrySQL = """
            COPY (SELECT (\(serial)) COLLATE "C" AS serial FROM \(try qualified(spec.ministryTable, on: ministry))
                  WHERE \(try ministry.quoteIdentifier(spec.provinceColumn)) = \(try ministry.quoteLiteral(province))
                    AND \(try ministry.quoteIdentifier(spec.submittedColumn)) >= \(try ministry.quoteLiteral(start))::timestamptz
                    AND \(try ministry.quoteIdentifier(spec.submittedColumn)) <  \(try ministry.quoteLiteral(end))::timestamptz
                  ORDER BY 1 NULLS FIRST) TO STDOUT
            """
        // The platform's records of the same province (a serial reused elsewhere is no match).
        let platformSQL = """
            SELECT DISTINCT (\(serial)) COLLATE "C" AS serial FROM \(try qualified(spec.platformTable, on: platform))
            WHERE \(try platform.quoteIdentifier(spec.provinceColumn)) = \(try platform.quoteLiteral(province))
            """
        let platformCopy = "COPY (SELECT serial FROM (\(platformSQL)) s WHERE serial IS NOT NULL ORDER BY serial) TO STDOUT"
        let left = SortedTextColumn(stream: try ministry.copyOut(ministrySQL), side: "ministry \(spec.ministryTable)")
        let right = SortedTextColumn(stream: try platform.copyOut(platformCopy), side: "platform \(spec.platformTable)")
        var total = 0
        var matched = 0
        var platformValue = try right.next()
        var previous: [UInt8]? = nil
        while let value = try left.next() {
            guard let serial = value.bytes else { total += 1; continue }  // NULL serial: a record, never matched
            if serial == previous { continue }  // the same serial again (sorted): one record
            previous = serial
            total += 1
            while let candidate = platformValue, let bytes = candidate.bytes, bytes.lexicographicallyPrecedes(serial) {
                platformValue = try right.next()
            }
            if let candidate = platformValue, candidate.bytes == serial { matched += 1 }
        }
        if platformValue != nil { try right.cancel() }
        return AggregationCounts(ministryRecords: total, matchedRecords: matched)
    }

    private func qualified(_ table: String, on connection: Connection) throws -> String {
        try table.split(separator: ".").map { try connection.quoteIdentifier(String($0)) }.joined(separator: ".")
    }
}

/// One text column of a sorted COPY stream, checked to be in byte order (NULLs first).
final class SortedTextColumn {
    struct Value: Equatable { let bytes: [UInt8]? }
    private let stream: CopyOutStream
    private let side: String
    private var previous: [UInt8]? = nil
    private var row = 0

    init(stream: CopyOutStream, side: String) {
        self.stream = stream
        self.side = side
    }

    func next() throws -> Value? {
        guard let value = try stream.next({ raw -> Value in
            var end = raw.count
            if end > 0 && raw[end - 1] == 0x0A { end -= 1 }
            let field = UnsafeRawBufferPointer(rebasing: raw[0..<end])
            if CopyText.isNull(field) { return Value(bytes: nil) }
            var bytes: [UInt8] = []
            CopyText.unescape(field, into: &bytes)
            return Value(bytes: bytes)
        }) else { return nil }
        row += 1
        if let bytes = value.bytes {
            if let previous, bytes.lexicographicallyPrecedes(previous) {
                throw PostgresError(kind: .copy, message: "\(side): rows arrive out of order at row \(row) (the merge needs byte order; check COLLATE \"C\")")
            }
            previous = bytes
        }
        return value
    }

    func cancel() throws { try stream.cancel() }
}
