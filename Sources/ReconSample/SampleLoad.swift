import Foundation
import PostgresClient
import ReconRules
import ReconKit

/// What loading generated data did.
public struct SampleLoadReport: Sendable {
    /// The planted truth of the data written.
    public var truth: PlantedTruth
    /// Rows written to the ministry's tables (record sets, live and deleted, and business records).
    public var ministryRows: Int
    /// Rows written to the provinces' tables.
    public var provinceRows: Int
    /// Rows written to the platform's table.
    public var platformRows: Int
    /// Wall-clock seconds from the first table dropped to the last index built and analysed.
    public var seconds: Double

    /// All rows written.
    public var totalRows: Int { ministryRows + provinceRows + platformRows }
    /// Rows written per second of wall-clock time (whole rows).
    public var rowsPerSecond: Int { seconds > 0 ? Int(Double(totalRows) / seconds) : 0 }
}

extension SampleGenerator {
    /// Writes the data set into `layout` with COPY and returns the planted truth.
    ///
    /// Creates the databases of a demo layout that are missing, (re)creates the reference tables
    /// in each target (a table holding rows is only dropped with `replace`), loads every province
    /// (its own database, its rows of the ministry's tables, its business records at the ministry
    /// and the platform), then re-creates the indexes and analyses the tables.
    /// - Parameter log: called with one line per province and record set done.
    public func load(into layout: SampleLayout, replace: Bool, log: (String) -> Void = { _ in }) throws -> SampleLoadReport {
        let started = Date()
        if let server = layout.server {
            try SampleTables.createDatabaseIfMissing(SampleLayout.ministryDatabase, serverDSN: server)
            try SampleTables.createDatabaseIfMissing(SampleLayout.platformDatabase, serverDSN: server)
            for code in parameters.provinces {
                try SampleTables.createDatabaseIfMissing(SampleLayout.provinceDatabase(code), serverDSN: server)
            }
        }
        let ministry = try Connection(conninfo: layout.ministry, applicationName: "recon sample")
        let platform = try Connection(conninfo: layout.platform, applicationName: "recon sample")
        var ministryTables = SampleTables(dsn: layout.ministry, connection: ministry, schemaFile: "ministry.sql",
                                          tables: recordSets.map(\.ministryTable) + [businessRecords.ministryTable],
                                          origin: "ministry database \(ministry.redactedConninfo)",
                                          extraIndexes: try recordSets.map { try TrackingQuery($0).recommendedIndexes().ministry })
        var platformTables = SampleTables(dsn: layout.platform, connection: platform, schemaFile: "platform.sql", tables: [businessRecords.platformTable],
                                          origin: "platform database \(platform.redactedConninfo)")
        var phase = Date()
        try ministryTables.prepare(replace: replace)
        try platformTables.prepare(replace: replace)
        log("prepared the ministry and platform tables (\(Self.seconds(since: phase)) s)")

        var truth = PlantedTruth(parameters: parameters)
        var report = SampleLoadReport(truth: truth, ministryRows: 0, provinceRows: 0, platformRows: 0, seconds: 0)
        for province in provinces {
            let target = try layout.province(province.unit.code)
            let connection = try Connection(conninfo: target.dsn, applicationName: "recon sample")
            var provinceTables = SampleTables(dsn: target.dsn, connection: connection, schemaFile: "province.sql", tables: recordSets.map(\.provinceTable),
                                              origin: "province \(province.unit.code) database \(connection.redactedConninfo)",
                                              extraIndexes: try recordSets.map { try TrackingQuery($0).recommendedIndexes().province })
            try provinceTables.prepare(replace: replace)
            for spec in recordSets {
                let setStarted = Date()
                let outcome = try copyRecordSet(spec, province: province, ministry: ministry, provinceConnection: connection)
                truth.differences += outcome.differences
                truth.sets.append(outcome.summary)
                report.ministryRows += outcome.summary.ministryRows + outcome.summary.ministryDeletedRows
                report.provinceRows += outcome.summary.provinceRows
                log("\(province.unit.code) \(spec.name): \(outcome.summary.ministryRows) ministry rows (+\(outcome.summary.ministryDeletedRows) deleted), \(outcome.summary.provinceRows) province rows, \(outcome.differences.count) planted differences, \(outcome.summary.noisyValues) noisy values (\(Self.seconds(since: setStarted)) s)")
            }
            phase = Date()
            try provinceTables.finish()
            log("\(province.unit.code): indexes and statistics of the province tables (\(Self.seconds(since: phase)) s)")
            phase = Date()
            let business = try copyBusiness(province: province, ministry: ministry, platform: platform)
            truth.business.append(business)
            report.ministryRows += business.ministryRows
            report.platformRows += business.platformRows
            log("\(province.unit.code) business records: \(business.ministryRows) at the ministry (\(business.ministryInQuarter) in \(business.quarter)), \(business.platformRows) on the platform (\(business.onPlatform) of the quarter's) (\(Self.seconds(since: phase)) s)")
        }
        phase = Date()
        try ministryTables.finish()
        try platformTables.finish()
        log("indexes and statistics of the ministry and platform tables (\(Self.seconds(since: phase)) s)")
        truth.sort()
        report.truth = truth
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// `schema.table` or `table`, each part quoted.
    static func quotedTable(_ name: String, _ connection: Connection) throws -> String {
        try name.split(separator: ".").map { try connection.quoteIdentifier(String($0)) }.joined(separator: ".")
    }

    private func copyRecordSet(_ spec: RecordSetSpec, province: SampleProvince, ministry: Connection,
                               provinceConnection: Connection) throws -> PlantingOutcome {
        let ministrySQL = "COPY \(try Self.quotedTable(spec.ministryTable, ministry)) (\(try CopyRowSink.ministryColumns(spec, quote: ministry.quoteIdentifier))) FROM STDIN"
        let provinceColumns = try spec.allColumns.map { try provinceConnection.quoteIdentifier($0.column) }.joined(separator: ", ")
        let provinceSQL = "COPY \(try Self.quotedTable(spec.provinceTable, provinceConnection)) (\(provinceColumns)) FROM STDIN"
        var outcome: PlantingOutcome?
        try ministry.copyIn(ministrySQL) { ministryWriter in
            try provinceConnection.copyIn(provinceSQL) { provinceWriter in
                var sink = CopyRowSink(ministry: ministryWriter, province: provinceWriter, provinceCode: province.unit.code)
                outcome = try plant(spec, province: province, into: &sink)
                try sink.flush()
            }
        }
        return outcome!
    }

    private func copyBusiness(province: SampleProvince, ministry: Connection, platform: Connection) throws -> PlantedBusinessSummary {
        let shared = CopyBusinessSink.columns(businessRecords)
        let ministryColumns = try (shared + [businessRecords.submittedColumn]).map(ministry.quoteIdentifier).joined(separator: ", ")
        let platformColumns = try (shared + [CopyBusinessSink.receivedColumn]).map(platform.quoteIdentifier).joined(separator: ", ")
        let ministrySQL = "COPY \(try Self.quotedTable(businessRecords.ministryTable, ministry)) (\(ministryColumns)) FROM STDIN"
        let platformSQL = "COPY \(try Self.quotedTable(businessRecords.platformTable, platform)) (\(platformColumns)) FROM STDIN"
        var summary: PlantedBusinessSummary?
        try ministry.copyIn(ministrySQL) { ministryWriter in
            try platform.copyIn(platformSQL) { platformWriter in
                var sink = CopyBusinessSink(ministry: ministryWriter, platform: platformWriter, provinceCode: province.unit.code)
                summary = try plantBusiness(province: province, into: &sink)
                try sink.flush()
            }
        }
        return summary!
    }

    static func seconds(since start: Date) -> String {
        let tenths = Int((Date().timeIntervalSince(start) * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
