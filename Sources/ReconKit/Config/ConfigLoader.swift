import Foundation
import ReconRules
import TOML

/// Reads `recon.toml` into a ``ReconConfig``, refusing — with file, line and key — anything it does
/// not know or that does not fit, before any data moves.
///
/// ```toml
/// policy = "jtys-2022-1599"                  # optional (ScoringPolicy names)
/// first_quarter = "2026Q3"                   # optional: quarters before it are never scored
/// record_sets = ["operators", "vehicles"]    # optional: which sets to reconcile (default: all)
/// [results]
/// dsn_env = "RECON_DB"                       # or dsn = "postgresql://…"
/// [ministry]
/// dsn = "host=10.1.0.5 dbname=yunzheng user=recon"
/// [platform]                                 # optional (indicator 12)
/// dsn_env = "RECON_PLATFORM_DSN"
/// [[province]]
/// code = "410000"
/// name = "河南省"
/// dsn_env = "RECON_DSN_410000"
/// read = "auto"                              # optional: full (default), checksum, auto (ReadMode)
/// [[record_set]]                             # optional: override a reference set, or add one
/// name = "vehicles"
/// province_table = "yz.t_vehicle"
/// [business_records]                         # optional: where indicator 12's records are
/// ministry_table = "business_records"
/// [jobs]                                     # optional: where `recon due` writes lists and scores
/// output_dir = "/var/lib/recon/out"
/// [bulletin]                                 # optional: the ministry's lines on the bulletin and 公示稿
/// issuer = "交通运输部运输服务司"
/// objection_url = "https://recon.example.gov.cn/"
/// objection_contact = "信息化处 010-00000000"
/// ```
public enum ConfigLoader {
    /// Loads and checks the file at `path`; DSNs are not resolved here (see ``DatabaseSource``).
    public static func load(path: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ReconConfig {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ConfigError("\(path): no such configuration file (give --config FILE or set RECON_CONFIG)")
        }
        let reader = try TOMLReader.parse(contentsOfFile: path)
        return try parse(reader)
    }

    /// Loads configuration text (for tests and `recon config check`).
    public static func parse(_ text: String, fileName: String) throws -> ReconConfig {
        try parse(try TOMLReader.parse(text, fileName: fileName))
    }

    static func parse(_ root: TOMLReader) throws -> ReconConfig {
        let policy = try root.optionalString("policy") ?? ScoringPolicy.default.name
        do { _ = try ScoringPolicy.named(policy) } catch {
            throw root.error(at: "policy", "\(error)")
        }
        let results = try source(root.table("results"))
        let ministry = try source(root.table("ministry"))
        let platform = try root.optionalTable("platform").map(source)
        var provinces: [ProvinceConfig] = []
        for (i, table) in try root.tables("province").enumerated() {
            let code = try table.string("code")
            guard code.count == 6, code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber) else {
                throw table.error(at: "code", "province code must be 6 digits (GB/T 2260), got \"\(code)\"")
            }
            if provinces.contains(where: { $0.code == code }) {
                throw table.error(at: "code", "province \(code) is configured twice")
            }
            let name = try table.string("name")
            try ProvinceCodeCheck.check(table, code: code, name: name)
            var province = ProvinceConfig(code: code, name: name, source: try source(table, label: "province[\(i)] \(code)"))
            if let text = try table.optionalString("read") {
                guard let mode = ReadMode(name: text) else {
                    throw table.error(at: "read", "read must be one of \(ReadMode.names), got \"\(text)\"")
                }
                province.readMode = mode
            }
            provinces.append(province)
        }
        var sets = RecordSetSpec.reference
        for table in try root.optionalTables("record_set") ?? [] {
            let spec = try recordSet(table, base: sets.first { $0.name == (try? table.string("name")) })
            if let index = sets.firstIndex(where: { $0.name == spec.name }) { sets[index] = spec } else { sets.append(spec) }
        }
        if let selected = try root.optionalStringArray("record_sets") {
            // An empty selection would make empty official runs and lists that can never be
            // redone (issue 25 case 8; docs/rules.md, "Operator mistakes refused").
            if selected.isEmpty {
                throw root.error(at: "record_sets", "record_sets = [] selects no record set: a run would compare nothing and score 0; name at least one (known: \(sets.map(\.name).joined(separator: ", "))) or remove the line")
            }
            for (i, name) in selected.enumerated() where !sets.contains(where: { $0.name == name }) {
                throw root.error(at: "record_sets", element: i, "unknown record set \"\(name)\" (known: \(sets.map(\.name).joined(separator: ", ")))")
            }
            sets = sets.filter { selected.contains($0.name) }
        }
        var business = BusinessRecordSpec()
        if let table = try root.optionalTable("business_records") {
            business.ministryTable = try table.optionalString("ministry_table") ?? business.ministryTable
            business.platformTable = try table.optionalString("platform_table") ?? business.platformTable
            business.serialColumn = try table.optionalString("serial_column") ?? business.serialColumn
            business.provinceColumn = try table.optionalString("province_column") ?? business.provinceColumn
            business.submittedColumn = try table.optionalString("submitted_column") ?? business.submittedColumn
        }
        let jobsTable = try root.optionalTable("jobs")
        let outputDirectory = try jobsTable.flatMap { try $0.optionalString("output_dir") }
        let jobs = try JobsSettings.read(jobsTable)
        let bulletin = try BulletinSettings.read(try root.optionalTable("bulletin"))
        var firstQuarter: Quarter? = nil
        if let text = try root.optionalString("first_quarter") {
            do { firstQuarter = try Quarter.parse(text) } catch { throw root.error(at: "first_quarter", "\(error)") }
        }
        try root.finish()
        var config = ReconConfig(results: results, ministry: ministry, platform: platform, provinces: provinces,
                                 recordSets: sets, businessRecords: business, policyName: policy)
        config.outputDirectory = outputDirectory
        config.jobs = jobs
        config.bulletin = bulletin
        config.firstQuarter = firstQuarter
        return config
    }

    static func source(_ table: TOMLReader) throws -> DatabaseSource {
        try source(table, label: table.name)
    }

    static func source(_ table: TOMLReader, label: String) throws -> DatabaseSource {
        let dsn = try table.optionalString("dsn")
        let env = try table.optionalString("dsn_env")
        let origin = "\(table.fileName):\(table.line.map(String.init) ?? "?") \(label)"
        switch (dsn, env) {
        case (nil, nil): throw table.error("\(table.place): give dsn = \"…\" or dsn_env = \"VARIABLE\"")
        case (.some, .some): throw table.error(at: "dsn_env", "give either dsn or dsn_env, not both")
        default: return DatabaseSource(dsn: dsn, dsnEnv: env, origin: origin)
        }
    }

    static func recordSet(_ table: TOMLReader, base: RecordSetSpec?) throws -> RecordSetSpec {
        let name = try table.string("name")
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }), !name.isEmpty else {
            throw table.error(at: "name", "record set name must be ASCII letters, digits or _, got \"\(name)\"")
        }
        func text(_ key: String, _ fallback: String?) throws -> String {
            if let value = try table.optionalString(key) { return value }
            if let fallback { return fallback }
            throw table.error("missing key \"\(key)\" \(table.place) (record set \"\(name)\" is not a reference set, so it must be defined fully)")
        }
        let known = (base?.allColumns ?? [])
        var key = base?.key ?? []
        if table.contains("key") {
            key = try fieldList(table, "key", known: known, defaults: FieldSpec.identifierNormalisers)
        }
        var fields = base?.fields ?? []
        if table.contains("fields") {
            fields = try fieldList(table, "fields", known: known, defaults: FieldSpec.textNormalisers)
        }
        guard !key.isEmpty else { throw table.error("missing key \"key\" \(table.place): a record set needs key columns") }
        guard !fields.isEmpty else { throw table.error("missing key \"fields\" \(table.place): a record set needs compared fields") }
        var seen = Set<String>()
        for column in (key + fields).map(\.column) where !seen.insert(column).inserted {
            throw table.error("column \"\(column)\" appears twice in the key and fields of record set \"\(name)\"")
        }
        var spec = RecordSetSpec(
            name: name, label: try text("label", base?.label), key: key, fields: fields,
            ministryTable: try text("ministry_table", base?.ministryTable),
            ministryProvinceColumn: try text("ministry_province_column", base?.ministryProvinceColumn ?? "province_code"),
            ministrySubmittedColumn: try text("ministry_submitted_column", base?.ministrySubmittedColumn ?? "submitted_at"),
            ministryDeletedColumn: try text("ministry_deleted_column", base?.ministryDeletedColumn ?? "deleted"),
            provinceTable: try text("province_table", base?.provinceTable))
        spec.ministryFilter = try rowFilter(table, side: "ministry") ?? base?.ministryFilter
        spec.provinceFilter = try rowFilter(table, side: "province") ?? base?.provinceFilter
        if let values = try table.optionalStringArray("ministry_deleted_values") {
            guard !spec.ministryDeletedColumn.isEmpty else {
                throw table.error(at: "ministry_deleted_values", "ministry_deleted_values needs a ministry_deleted_column")
            }
            spec.ministryDeletedValues = values
        } else {
            spec.ministryDeletedValues = base?.ministryDeletedValues
        }
        spec.origin = "\(table.fileName):\(table.line.map(String.init) ?? "?") [[record_set]] \(name)"
        return spec
    }

    /// `<side>_exclude = { column = "zt", values = ["注销"] }` or `<side>_include = { … }` (not both).
    static func rowFilter(_ table: TOMLReader, side: String) throws -> RowFilter? {
        var found: RowFilter? = nil
        for mode in [RowFilter.Mode.exclude, .include] {
            let key = "\(side)_\(mode.rawValue)"
            guard table.contains(key) else { continue }
            guard found == nil else { throw table.error(at: key, "give \(side)_exclude or \(side)_include, not both") }
            guard case .table(let inline)? = table.value(key) else {
                throw table.error(at: key, "\(key) must be an inline table { column = \"…\", values = [\"…\"] }")
            }
            table.markRead(key)
            let sub = table.inlineTable(inline, at: key)
            let column = try sub.string("column")
            guard let values = try sub.optionalStringArray("values"), !values.isEmpty else {
                throw sub.error("\(key) needs values = [\"…\"] (at least one)")
            }
            try sub.finish()
            found = RowFilter(column: column, values: values, mode: mode)
        }
        return found
    }

    /// `key`/`fields`: strings (a column, with its reference label and normalisers when known) or
    /// inline tables `{ column = "vin", label = "车辆识别代号", normalise = ["trim", "upper"] }`.
    static func fieldList(_ table: TOMLReader, _ key: String, known: [FieldSpec], defaults: [FieldNormaliser]) throws -> [FieldSpec] {
        guard case .array(let array)? = table.value(key) else {
            throw table.error(at: key, "\(key) must be an array of column names or { column = …, label = …, normalise = […] } tables")
        }
        table.markRead(key)
        var specs: [FieldSpec] = []
        for (i, element) in array.elements.enumerated() {
            switch element.value {
            case .string(let column):
                specs.append(known.first { $0.column == column } ?? FieldSpec(column: column, label: column, normalisers: defaults))
            case .table(let inline):
                let sub = table.inlineTable(inline, inArray: key, at: i)
                let column = try sub.string("column")
                let reference = known.first { $0.column == column }
                let label = try sub.optionalString("label") ?? reference?.label ?? column
                var normalisers = reference?.normalisers ?? defaults
                if let names = try sub.optionalStringArray("normalise") {
                    normalisers = try names.enumerated().map { j, name in
                        do { return try FieldNormaliser.named(name) } catch {
                            throw sub.error(at: "normalise", element: j, "unknown normaliser \"\(name)\" (known: \(FieldNormaliser.allCases.map(\.rawValue).joined(separator: ", ")))")
                        }
                    }
                    if normalisers.contains(.decimal), normalisers.contains(.date) || normalisers.contains(.timestamp) {
                        throw sub.error(at: "normalise", "a field is a date or a number: date/timestamp and decimal cannot go together")
                    }
                }
                let ministryColumn = try sub.optionalString("ministry_column") ?? reference?.ministryColumn
                try sub.finish()
                var spec = FieldSpec(column: column, label: label, normalisers: normalisers)
                spec.ministryColumn = ministryColumn == column ? nil : ministryColumn
                specs.append(spec)
            default:
                throw table.error(at: key, element: i, "\(key)[\(i)] must be a column name or an inline table")
            }
        }
        return specs
    }
}
