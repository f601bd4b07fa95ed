import PostgresClient
import ReconRules
import ReconKit

/// Writes planted rows straight into two running `COPY … FROM STDIN` streams (text format): the
/// ministry's table of a record set and the province's. Rows are appended as bytes to a local
/// buffer handed to the writer in large chunks; no `String` is built per row.
struct CopyRowSink: SampleRowSink {
    let ministryWriter: CopyInWriter
    let provinceWriter: CopyInWriter
    /// The province code column value, with its leading tab.
    let provinceField: [UInt8]
    private var ministryBuffer: [UInt8] = []
    private var provinceBuffer: [UInt8] = []
    /// Bytes gathered before handing them to a writer.
    static let chunk = 128 * 1024

    init(ministry: CopyInWriter, province: CopyInWriter, provinceCode: String) {
        ministryWriter = ministry
        provinceWriter = province
        provinceField = [0x09] + Array(provinceCode.utf8)
        ministryBuffer.reserveCapacity(Self.chunk + 4096)
        provinceBuffer.reserveCapacity(Self.chunk + 4096)
    }

    /// The column list of the ministry's COPY: the record set's columns, then province code,
    /// submission time and deleted flag.
    static func ministryColumns(_ spec: RecordSetSpec, quote: (String) throws -> String) rethrows -> String {
        try (spec.allColumns.map(\.column) + [spec.ministryProvinceColumn, spec.ministrySubmittedColumn, spec.ministryDeletedColumn])
            .map(quote).joined(separator: ", ")
    }

    mutating func ministry(_ row: SampleRow, submittedAt: Int64, deleted: Bool) throws {
        row.appendCopyFields(to: &ministryBuffer)
        ministryBuffer.append(contentsOf: provinceField)
        ministryBuffer.append(0x09)
        SampleBytes.appendBeijingTimestamp(secondsSince1970: submittedAt, to: &ministryBuffer)
        ministryBuffer.append(0x09)
        ministryBuffer.append(deleted ? 0x74 : 0x66)  // t / f
        ministryBuffer.append(0x0A)
        if ministryBuffer.count >= Self.chunk { try flushMinistry() }
    }

    mutating func province(_ row: SampleRow) throws {
        row.appendCopyFields(to: &provinceBuffer)
        provinceBuffer.append(0x0A)
        if provinceBuffer.count >= Self.chunk { try flushProvince() }
    }

    /// Hands what is buffered to the writers.
    mutating func flush() throws {
        try flushMinistry()
        try flushProvince()
    }

    private mutating func flushMinistry() throws {
        try ministryBuffer.withUnsafeBytes { try ministryWriter.writeRaw($0) }
        ministryBuffer.removeAll(keepingCapacity: true)
    }

    private mutating func flushProvince() throws {
        try provinceBuffer.withUnsafeBytes { try provinceWriter.writeRaw($0) }
        provinceBuffer.removeAll(keepingCapacity: true)
    }
}
