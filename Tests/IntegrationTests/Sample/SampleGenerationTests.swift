import Foundation
import PostgresClient
import ReconKit
import ReconRules
@testable import ReconSample
import ReconTestSupport
import Testing

/// Generates a small two-province data set into fresh databases and checks the planted truth
/// against an independent plain-SQL comparison of the generated tables.
@Suite("Sample generation into PostgreSQL", .serialized)
struct SampleGenerationTests {
    static let quarter = try! Quarter(year: 2025, number: 3)

    /// Fresh ministry, platform and province databases and their layout.
    final class Databases {
        let ministry: TestDatabase
        let platform: TestDatabase
        let provinces: [String: TestDatabase]
        let layout: SampleLayout

        init(_ codes: [String]) throws {
            ministry = try TestDatabase("sample_ministry")
            platform = try TestDatabase("sample_platform")
            var provinces: [String: TestDatabase] = [:]
            for code in codes { provinces[code] = try TestDatabase("sample_p\(code)") }
            self.provinces = provinces
            layout = SampleLayout(results: ministry.dsn, ministry: ministry.dsn, platform: platform.dsn,
                                  provinces: try codes.map { .init(code: $0, name: try SampleLayout.provinceName($0), dsn: provinces[$0]!.dsn) })
        }
    }

    static func parameters(_ codes: [String], seed: UInt64, rows: Int) throws -> SampleParameters {
        SampleParameters(provinces: codes, rowsPerSet: rows, businessRowsPerProvince: 1_200, seed: seed,
                         differenceRate: try SampleRate(parsing: "3%"), noiseRate: try SampleRate(parsing: "30%"),
                         quarter: quarter, platformShare: try SampleRate(parsing: "93%"))
    }

    /// Copies the provinces' tables and the platform's into the ministry's database as chk_*.
    static func gatherIntoMinistry(_ dbs: Databases, codes: [String]) throws -> Connection {
        let check = try dbs.ministry.connect()
        try SampleSQLCheck.install(check)
        for code in codes {
            let source = try dbs.provinces[code]!.connect()
            for spec in RecordSetSpec.reference {
                try SampleSQLCheck.copyTable(spec.provinceTable, columns: spec.allColumns.map(\.column), from: source, to: check,
                                             as: "chk_p\(code)_\(spec.name)")
            }
        }
        try SampleSQLCheck.copyTable("business_records", columns: ["serial_no", "province_code"], from: try dbs.platform.connect(),
                                     to: check, as: "chk_platform")
        return check
    }

    @Test func truthMatchesAPlainSQLComparison() throws {
        let codes = ["410000", "650000"]
        let dbs = try Databases(codes)
        let generator = try SampleGenerator(parameters: try Self.parameters(codes, seed: 17, rows: 1_500))
        let report = try generator.load(into: dbs.layout, replace: false)

        // The truth survives its file, and the dry run computes the same.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sample-truth-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try PlantedTruthFile.write(report.truth, to: file)
        let truth = try PlantedTruthFile.read(from: file)
        #expect(truth == report.truth)
        #expect(truth == (try generator.plantedTruth()))
        #expect(report.totalRows > 2 * 3 * 2 * 1_500)

        let check = try Self.gatherIntoMinistry(dbs, codes: codes)
        for code in codes {
            for spec in RecordSetSpec.reference {
                let (found, union) = try SampleSQLCheck.findings(check, spec: spec, province: code, provinceCopy: "chk_p\(code)_\(spec.name)")
                let planted = Set(truth.differences(province: code, recordSet: spec.name).map(SampleSQLCheck.Finding.init))
                #expect(found.subtracting(planted).isEmpty, "\(code) \(spec.name): found by SQL, not planted")
                #expect(planted.subtracting(found).isEmpty, "\(code) \(spec.name): planted, not found by SQL")
                #expect(!planted.isEmpty)
                let summary = try #require(truth.sets.first { $0.province == code && $0.recordSet == spec.name })
                #expect(union == summary.unionKeys)
                let counts = try check.execute("""
                    SELECT count(*) FILTER (WHERE NOT deleted) AS live, count(*) FILTER (WHERE deleted) AS deleted
                    FROM \(spec.ministryTable) WHERE province_code = $1
                    """, [code]).singleRow()
                #expect(try counts.int("live") == summary.ministryRows)
                #expect(try counts.int("deleted") == summary.ministryDeletedRows)
                #expect(try check.execute("SELECT count(*) AS n FROM chk_p\(code)_\(spec.name)").singleRow().int("n") == summary.provinceRows)
            }

            // Indicator 12: records submitted in the quarter (Beijing time) and those on the platform.
            let business = try #require(truth.business.first { $0.province == code })
            let row = try check.execute("""
                SELECT count(*) AS in_quarter,
                       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM chk_platform p WHERE p.serial_no = b.serial_no)) AS on_platform
                FROM business_records b
                WHERE b.province_code = $1 AND b.submitted_at >= '2025-07-01 00:00:00+08' AND b.submitted_at < '2025-10-01 00:00:00+08'
                """, [code]).singleRow()
            #expect(try row.int("in_quarter") == business.ministryInQuarter)
            #expect(try row.int("on_platform") == business.onPlatform)
            #expect(business.onPlatform == business.ministryInQuarter * 93 / 100)
        }

        // The loaded tables keep the reference schema's indexes.
        let indexes = try check.execute("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname").rows.compactMap { $0["indexname"] }
        #expect(Set(["operators_key", "practitioners_key", "vehicles_key", "business_records_submitted"]).isSubset(of: Set(indexes)))
    }

    @Test func tablesWithRowsNeedReplace() throws {
        let dbs = try Databases(["460000"])
        let generator = try SampleGenerator(parameters: try Self.parameters(["460000"], seed: 1, rows: 50))
        _ = try generator.load(into: dbs.layout, replace: false)
        #expect { _ = try generator.load(into: dbs.layout, replace: false) } throws: { error in
            "\(error)".contains("--replace") && "\(error)".contains("already holds rows")
        }
        let again = try generator.load(into: dbs.layout, replace: true)
        let rows = try dbs.ministry.connect().execute("SELECT count(*) AS n FROM operators").singleRow().int("n")
        #expect(rows == again.truth.sets.first { $0.recordSet == "operators" }.map { $0.ministryRows + $0.ministryDeletedRows })
    }

    /// After every item is re-uploaded, only what the ministry cannot fix remains: keys duplicated
    /// at the province and empty keys at the province.
    @Test func reuploadFixesTheMinistrySide() throws {
        let code = "420000"
        let dbs = try Databases([code])
        let generator = try SampleGenerator(parameters: try Self.parameters([code], seed: 23, rows: 800))
        let truth = try generator.load(into: dbs.layout, replace: false).truth
        let issued = try BeijingTime.parseTimestamp("2025-09-30T10:00:00+08:00")
        let request = ReuploadRequest(province: code, items: ReuploadItem.items(of: truth, province: code), issuedAt: issued,
                                      share: try SampleRate(parsing: "100%"), offsets: [2, 7], seed: 5)
        let plan = try SampleReupload.plan(request)
        #expect(plan.reuploads.count == request.items.count)
        #expect(plan.onTimeCount > 0 && plan.lateCount > 0)
        let applied = try SampleReupload.apply(plan, province: code, recordSets: RecordSetSpec.reference,
                                               ministry: try dbs.ministry.connect(), provinceDatabase: try dbs.provinces[code]!.connect())
        #expect(applied.count == plan.reuploads.count)
        #expect(Set(applied.map(\.action)).isSuperset(of: [.updated, .inserted, .deleted]))

        let check = try Self.gatherIntoMinistry(dbs, codes: [code])
        var remaining = Set<SampleSQLCheck.Finding>()
        for spec in RecordSetSpec.reference {
            remaining.formUnion(try SampleSQLCheck.findings(check, spec: spec, province: code, provinceCopy: "chk_p\(code)_\(spec.name)").findings)
        }
        let expected = Set(truth.differences(province: code).compactMap { planted -> SampleSQLCheck.Finding? in
            switch planted.category {
            case .duplicateKey where planted.provinceCount > 1:
                return .init(recordSet: planted.recordSet, key: planted.keyValues, category: "duplicate_key", ministry: 1,
                             province: planted.provinceCount, fields: [])
            case .emptyKey where planted.provinceCount > 0:
                return .init(recordSet: planted.recordSet, key: planted.keyValues, category: "empty_key", ministry: 0,
                             province: planted.provinceCount, fields: [])
            default:
                return nil
            }
        })
        #expect(remaining == expected)

        // Every re-upload carries its planned submission time (报送时间).
        for item in applied where item.action != .notFound {
            let spec = try #require(RecordSetSpec.reference.first { $0.name == item.planned.item.recordSet })
            let conditions = spec.key.enumerated().map { index, field in
                "\(try! SampleSQLCheck.normalised(field.column, field.normalisers)) IS NOT DISTINCT FROM $\(index + 2)"
            }.joined(separator: " AND ")
            let times = try check.execute("""
                SELECT deleted, to_char(submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS') AS at
                FROM \(spec.ministryTable) WHERE province_code = $1 AND \(conditions) AND submitted_at > '2025-09-30 10:00:00+08'
                """, [code] + item.planned.item.keyValues).rows
            let planned = String(BeijingTimeFormat.iso(item.planned.submittedAt).prefix(19))
            #expect(!times.isEmpty && times.allSatisfy { $0["at"] == planned }, "\(item.planned.item) \(item.action)")
            let live = times.filter { $0["deleted"] == "f" }.count
            #expect(item.action == .deleted ? live == 0 : live == 1, "\(item.planned.item) \(item.action)")
        }
    }
}
