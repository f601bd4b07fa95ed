import PostgresClient
import ReconRules
import ReconKit

/// Writes business records straight into the ministry's and the platform's running COPY streams.
struct CopyBusinessSink: BusinessRowSink {
    let ministryWriter: CopyInWriter
    let platformWriter: CopyInWriter
    let provinceCode: [UInt8]
    private var ministryBuffer: [UInt8] = []
    private var platformBuffer: [UInt8] = []

    /// The columns both tables share, in COPY order, before the time column.
    static func columns(_ spec: BusinessRecordSpec) -> [String] {
        [spec.serialColumn, spec.provinceColumn, "item_type", "channel", "subject_key", "completed_at"]
    }
    /// The platform's reception-time column (sql/reference/platform.sql).
    static let receivedColumn = "received_at"

    init(ministry: CopyInWriter, platform: CopyInWriter, provinceCode: String) {
        ministryWriter = ministry
        platformWriter = platform
        self.provinceCode = Array(provinceCode.utf8)
    }

    private func append(_ record: SampleBusinessRecord, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: record.serial)
        buffer.append(0x09)
        buffer.append(contentsOf: provinceCode)
        buffer.append(0x09)
        buffer.append(contentsOf: record.itemType)
        buffer.append(0x09)
        buffer.append(contentsOf: record.channel)
        buffer.append(0x09)
        if let subject = record.subjectKey { buffer.append(contentsOf: subject) } else { buffer.append(0x5C); buffer.append(0x4E) }
        buffer.append(0x09)
        SampleBytes.appendBeijingTimestamp(secondsSince1970: record.completedAt, to: &buffer)
        buffer.append(0x09)
    }

    mutating func ministry(_ record: SampleBusinessRecord) throws {
        append(record, to: &ministryBuffer)
        SampleBytes.appendBeijingTimestamp(secondsSince1970: record.submittedAt, to: &ministryBuffer)
        ministryBuffer.append(0x0A)
        if ministryBuffer.count >= CopyRowSink.chunk { try flushMinistry() }
    }

    mutating func platform(_ record: SampleBusinessRecord, receivedAt: Int64) throws {
        append(record, to: &platformBuffer)
        SampleBytes.appendBeijingTimestamp(secondsSince1970: receivedAt, to: &platformBuffer)
        platformBuffer.append(0x0A)
        if platformBuffer.count >= CopyRowSink.chunk { try flushPlatform() }
    }

    /// Hands what is buffered to the writers.
    mutating func flush() throws {
        try flushMinistry()
        try flushPlatform()
    }

    private mutating func flushMinistry() throws {
        try ministryBuffer.withUnsafeBytes { try ministryWriter.writeRaw($0) }
        ministryBuffer.removeAll(keepingCapacity: true)
    }

    private mutating func flushPlatform() throws {
        try platformBuffer.withUnsafeBytes { try platformWriter.writeRaw($0) }
        platformBuffer.removeAll(keepingCapacity: true)
    }
}

/// Keeps business records in memory (tests).
struct MemoryBusinessSink: BusinessRowSink {
    var ministryRecords: [SampleBusinessRecord] = []
    var platformRecords: [(record: SampleBusinessRecord, receivedAt: Int64)] = []

    mutating func ministry(_ record: SampleBusinessRecord) throws { ministryRecords.append(record) }
    mutating func platform(_ record: SampleBusinessRecord, receivedAt: Int64) throws { platformRecords.append((record, receivedAt)) }
}
