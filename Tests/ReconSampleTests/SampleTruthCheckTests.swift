import Testing
@testable import ReconSample
@testable import ReconKit
@testable import ReconRules

/// An independent check of the planted truth without a database: the generated rows are
/// reconciled here with the record sets' normaliser pipelines (group by normalised key, categories
/// by precedence, fields compared after normalising) and the result must be exactly the truth.
@Suite("Sample truth check")
struct SampleTruthCheckTests {
    struct Finding: Hashable, CustomStringConvertible {
        var key: [String?]
        var category: DiffCategory
        var ministry: Int
        var province: Int
        var fields: [String]
        var description: String { "\(key.map { $0 ?? "∅" }) \(category.rawValue) m\(ministry) p\(province) \(fields)" }
    }

    static func reconcile(_ rows: SampleRecordRows, _ spec: RecordSetSpec) -> (findings: Set<Finding>, union: Int) {
        let pipelines = spec.allColumns.map { NormaliserPipeline($0.normalisers) }
        func normalised(_ values: [String?]) -> [String?] { zip(pipelines, values).map { $0.apply($1) } }
        var ministry: [[String?]: [[String?]]] = [:]
        var province: [[String?]: [[String?]]] = [:]
        for row in rows.ministry where !row.deleted {
            let values = normalised(row.values)
            ministry[Array(values.prefix(rows.keyColumnCount)), default: []].append(values)
        }
        for row in rows.province {
            let values = normalised(row)
            province[Array(values.prefix(rows.keyColumnCount)), default: []].append(values)
        }
        var findings = Set<Finding>()
        let keys = Set(ministry.keys).union(province.keys)
        for key in keys {
            let m = ministry[key] ?? [], p = province[key] ?? []
            var finding = Finding(key: key, category: .fieldMismatch, ministry: m.count, province: p.count, fields: [])
            if key.contains(where: { $0 == nil }) {
                finding.category = .emptyKey
            } else if m.count > 1 || p.count > 1 {
                finding.category = .duplicateKey
            } else if p.isEmpty {
                finding.category = .ministryOnly
            } else if m.isEmpty {
                finding.category = .provinceOnly
            } else {
                finding.fields = rows.columns.indices.filter { m[0][$0] != p[0][$0] }.map { rows.columns[$0] }
                if finding.fields.isEmpty { continue }
            }
            findings.insert(finding)
        }
        return (findings, keys.count)
    }

    @Test(arguments: ["410000", "110000"], SampleFixtures.setNames)
    func truthIsWhatAReconciliationFinds(province: String, set: String) throws {
        let rows = try SampleFixtures.generator().rows(province: province, recordSet: set)
        let (found, union) = Self.reconcile(rows, SampleFixtures.spec(set))
        let planted = Set(rows.differences.map { Finding(key: $0.keyValues, category: $0.category, ministry: $0.ministryCount,
                                                         province: $0.provinceCount, fields: $0.fields) })
        #expect(found.subtracting(planted).isEmpty, "reported but not planted (noise that is not noise?)")
        #expect(planted.subtracting(found).isEmpty, "planted but not found")
        #expect(union == rows.summary.unionKeys)
        #expect(rows.ministry.filter { !$0.deleted }.count == rows.summary.ministryRows)
        #expect(rows.ministry.filter(\.deleted).count == rows.summary.ministryDeletedRows)
        #expect(rows.province.count == rows.summary.provinceRows)
        // Every kind of difference is planted (the colour code only in vehicles, as two keys).
        let categories = Set(rows.differences.map(\.category))
        #expect(categories == Set(DiffCategory.allCases))
        #expect(rows.differences.contains { $0.category == .fieldMismatch && $0.fields.count == 1 })
        #expect(rows.differences.contains { $0.category == .fieldMismatch && $0.fields.count > 1 })
        #expect(rows.differences.contains { $0.category == .duplicateKey && $0.ministryCount > 1 })
        #expect(rows.differences.contains { $0.category == .duplicateKey && $0.provinceCount > 1 })
    }

    @Test func deletedMinistryRowsAreTraps() throws {
        let rows = try SampleFixtures.generator().rows(province: "410000", recordSet: "operators")
        let live = Set(rows.ministry.filter { !$0.deleted }.map { $0.values[0] })
        let provinceKeys = Set(rows.province.map { NormaliserPipeline(SampleFixtures.spec("operators").key[0].normalisers).apply($0[0]) })
        let deleted = rows.ministry.filter(\.deleted).map { $0.values[0] }
        // A deleted row whose key is nowhere else (absent on both sides: not reported) …
        #expect(deleted.contains { !live.contains($0) && !provinceKeys.contains($0) })
        // … one beside a live row of the same key (not a duplicate) …
        #expect(deleted.contains { live.contains($0) })
        // … and one whose key is at the province only (reported as province_only).
        let provinceOnly = Set(rows.differences.filter { $0.category == .provinceOnly }.map { $0.keyValues[0] })
        #expect(deleted.contains { !live.contains($0) && provinceOnly.contains($0) })
    }

    @Test func colourCodeDifferenceIsTwoKeys() throws {
        let rows = try SampleFixtures.generator().rows(province: "410000", recordSet: "vehicles")
        let green = rows.differences.filter { $0.keyValues[1] == "5" }
        #expect(!green.isEmpty)
        for difference in green {
            #expect(difference.category == .provinceOnly)
            #expect(rows.differences.contains { $0.keyValues == [difference.keyValues[0], "94"] && $0.category == .ministryOnly })
        }
    }

    /// The province's raw values carry every kind of planted noise somewhere.
    @Test func noiseOfEveryKindIsPlanted() throws {
        let generator = try SampleFixtures.generator()
        var raw: [String] = []
        var dates: [String] = []
        var numbers: [String] = []
        var identifiers: [String] = []
        for province in generator.parameters.provinces {
            for set in SampleFixtures.setNames {
                let rows = try generator.rows(province: province, recordSet: set)
                let spec = SampleFixtures.spec(set)
                for row in rows.province {
                    for (field, value) in zip(spec.allColumns, row) {
                        guard let value else { continue }
                        raw.append(value)
                        if field.normalisers.contains(.date) { dates.append(value) }
                        if field.normalisers.contains(.decimal) { numbers.append(value) }
                        if field.column == "certificate_no" || field.column == "id_number" { identifiers.append(value) }
                    }
                }
            }
        }
        #expect(raw.contains { $0.unicodeScalars.contains { (0xFF10...0xFF19).contains($0.value) } }, "full-width digits")
        #expect(raw.contains { $0.unicodeScalars.contains { (0xFF21...0xFF3A).contains($0.value) } }, "full-width letters")
        #expect(raw.contains { $0.unicodeScalars.contains { $0.value == 0x3000 } }, "ideographic space")
        #expect(raw.contains { $0.hasPrefix(" ") || $0.hasSuffix(" ") }, "surrounding spaces")
        #expect(raw.contains { $0.contains("  ") && $0.trimmingCharacters(in: .whitespaces).contains("  ") }, "doubled inner spaces")
        #expect(raw.contains { $0.isEmpty }, "empty string for NULL")
        #expect(raw.contains { ["无", "暂无", "-", "/", "--", "null", "NULL", "N/A", "空"].contains($0) }, "placeholder for NULL")
        #expect(raw.contains { $0.contains("(") && !$0.contains("（") } && raw.contains { $0.contains("（") }, "both parentheses")
        #expect(identifiers.contains { $0.hasSuffix("x") }, "lower-case x in ID numbers")
        #expect(dates.contains { $0.count == 8 && $0.allSatisfy(\.isNumber) }, "YYYYMMDD")
        #expect(dates.contains { $0.contains(":") }, "date with a time")
        #expect(dates.contains { $0.contains("/") || ($0.count < 10 && $0.contains("-")) }, "loose date")
        #expect(dates.contains { $0 == "0" }, "0 for an empty date")
        #expect(numbers.contains { $0.contains(".") }, "1.50 vs 1.5")
        #expect(numbers.contains { $0.hasPrefix("0") && $0.count > 1 }, "leading zero")
    }
}
