@testable import ReconKit
@testable import ReconRules

/// Test helpers for the diff: COPY-text rows from values, a small record set, a merge runner.
enum DiffFixture {
    /// A record set keyed by one identifier column, with a text, a date, a number and a code field.
    static let operators = RecordSetSpec(
        name: "operators", label: "经营业户",
        key: [FieldSpec(column: "licence_no", label: "经营许可证号", normalisers: [.fullWidth, .trim, .upper, .emptyAsNull])],
        fields: [
            FieldSpec(column: "name", label: "经营业户名称", normalisers: [.fullWidth, .parentheses, .trim, .collapseSpaces, .emptyAsNull]),
            FieldSpec(column: "credit_code", label: "统一社会信用代码", normalisers: [.fullWidth, .trim, .upper, .emptyAsNull]),
            FieldSpec(column: "issue_date", label: "发证日期", normalisers: [.fullWidth, .trim, .date, .emptyAsNull]),
            FieldSpec(column: "seats", label: "核定载客位数", normalisers: [.fullWidth, .trim, .decimal, .emptyAsNull]),
        ],
        ministryTable: "operators", provinceTable: "operators")

    /// A record set keyed by two columns (plate number + colour), one field.
    static let vehicles = RecordSetSpec(
        name: "vehicles", label: "营运车辆",
        key: [FieldSpec(column: "plate_number", label: "车牌号码", normalisers: [.fullWidth, .trim, .upper, .emptyAsNull]),
              FieldSpec(column: "plate_colour", label: "车牌颜色代码", normalisers: [.fullWidth, .trim, .upper, .emptyAsNull])],
        fields: [FieldSpec(column: "vin", label: "车辆识别代号(VIN)", normalisers: [.fullWidth, .trim, .upper, .emptyAsNull])],
        ministryTable: "vehicles", provinceTable: "vehicles")

    /// One COPY-text row (no newline) from values; nil is `\N`; tabs, newlines, backslashes escaped.
    static func line(_ values: [String?]) -> String {
        values.map { value -> String in
            guard let value else { return "\\N" }
            var out = ""
            for character in value.unicodeScalars {
                switch character {
                case "\\": out += "\\\\"
                case "\t": out += "\\t"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                default: out.unicodeScalars.append(character)
                }
            }
            return out
        }.joined(separator: "\t")
    }

    /// Runs the merge over in-memory rows, collecting the differences.
    static func merge(_ spec: RecordSetSpec, ministry: [[String?]], province: [[String?]],
                      rowsPerBatch: Int = 2) throws -> (DiffCounts, [Difference]) {
        let sink = DifferenceCollector()
        let m = InMemoryRowSource(lines: ministry.map(line), rowsPerBatch: rowsPerBatch)
        let p = InMemoryRowSource(lines: province.map(line), rowsPerBatch: rowsPerBatch)
        let counts = try KeyedMerger(recordSet: spec).run(ministry: m, province: p, sink: sink)
        return (counts, sink.differences)
    }

    /// An operators row: key then name, credit code, issue date, seats.
    static func op(_ key: String?, _ name: String? = "郑州市运输有限公司", _ credit: String? = "91410100MA3X00001L",
                   _ date: String? = "2023-05-01", _ seats: String? = "45") -> [String?] {
        [key, name, credit, date, seats]
    }
}
