import Testing
@testable import ReconKit
@testable import ReconRules

@Suite("Diff queries and SQL text")
struct DiffQueryTests {
    @Test("identifiers are quoted with inner quotes doubled; schema-qualified tables split on the dot")
    func quoting() throws {
        #expect(SQLText.identifier("plate_number") == "\"plate_number\"")
        #expect(SQLText.identifier("we\"ird") == "\"we\"\"ird\"")
        #expect(try SQLText.qualifiedTable("vehicles") == "\"vehicles\"")
        #expect(try SQLText.qualifiedTable("yunzheng.Vehicles") == "\"yunzheng\".\"Vehicles\"")
        #expect(throws: DiffError.badTableName("a.b.c")) { try SQLText.qualifiedTable("a.b.c") }
        #expect(throws: DiffError.badTableName(".b")) { try SQLText.qualifiedTable(".b") }
    }

    @Test("literals are E-strings with backslash and quote escaped")
    func literals() {
        #expect(SQLText.literal("410000") == "E'410000'")
        #expect(SQLText.literal("a'b\\c") == "E'a\\'b\\\\c'")
        #expect(SQLText.literal("\t") == "E'\\t'")
    }

    @Test("the ministry side filters the province's live rows; both sort keys in C order, NULLs first")
    func vehiclesStatements() throws {
        let query = try DiffQuery(.vehicles)
        let ministry = try query.copy(.ministry, provinceCode: "410000")
        let province = try query.copy(.province, provinceCode: "410000")
        #expect(ministry.hasPrefix("COPY (SELECT "))
        #expect(ministry.hasSuffix(" ORDER BY 1 NULLS FIRST, 2 NULLS FIRST) TO STDOUT"))
        #expect(ministry.contains(" FROM \"vehicles\" WHERE \"province_code\" = E'410000' AND NOT (\"deleted\" IS TRUE) "))
        #expect(!province.contains("WHERE"))
        #expect(province.contains(") COLLATE \"C\" AS \"key0\", "))
        #expect(province.contains(") COLLATE \"C\" AS \"key1\", "))
        #expect(province.contains("\"vin\", \"vehicle_type_code\""))
        #expect(query.columnCount == 2 + RecordSetSpec.vehicles.fields.count)
    }

    @Test("key normalisers that have no SQL form are refused, naming set, column and normaliser")
    func unsupportedKeyNormaliser() throws {
        var spec = RecordSetSpec.operators
        spec.key = [FieldSpec(column: "licence_no", label: "经营许可证号", normalisers: [.trim, .decimal])]
        #expect(throws: DiffError.unsupportedKeyNormaliser(recordSet: "operators", column: "licence_no", normaliser: "decimal")) {
            try DiffQuery(spec).copy(.province, provinceCode: "410000")
        }
        spec.key = []
        #expect(throws: DiffError.noKeyColumns(recordSet: "operators")) { try DiffQuery(spec) }
    }

    @Test("the key expression applies the steps in the pipeline's canonical order, behind a cheap guard")
    func keyExpressionOrder() throws {
        let expr = try KeyNormalisationSQL.expression(column: "\"k\"", normalisers: [.emptyAsNull, .upper, .trim, .fullWidth],
                                                      recordSet: "s", columnName: "k")
        // Outermost is the last step; only values a step could change go through them.
        #expect(expr.hasPrefix("(CASE WHEN (\"k\"::text COLLATE \"C\") ~ E'[\u{FF01}-\u{FF5E}\u{3000} \\t\\n\\ra-z]' THEN nullif(upper((btrim(translate(\"k\"::text, "))
        #expect(expr.hasSuffix(" WHEN upper(\"k\"::text COLLATE \"C\") IN (E'') THEN NULL ELSE \"k\"::text END)"))
        let none = try KeyNormalisationSQL.expression(column: "\"k\"", normalisers: [], recordSet: "s", columnName: "k")
        #expect(none == "\"k\"::text")
        let placeholders = try KeyNormalisationSQL.expression(column: "\"k\"", normalisers: [.placeholderAsNull, .zeroAsNull],
                                                              recordSet: "s", columnName: "k")
        #expect(placeholders.hasPrefix("(CASE WHEN upper(\"k\"::text COLLATE \"C\") IN (E'无', "))
        #expect(placeholders.hasSuffix(", E'N/A', E'0') THEN NULL ELSE \"k\"::text END)"))
    }

    @Test("rates are exact fractions, shown rounded up as indicator 10's (RateFormat)", arguments: [
        (1, 3, "33.34%"), (2, 3, "66.67%"), (5, 1000, "0.50%"), (1, 200_000, "0.01%"), (1, 20_000, "0.01%"),
        (201, 20_000, "1.01%"), (401, 20_000, "2.01%"), (200, 20_000, "1.00%"), (10, 10, "100.00%"), (0, 0, "—"),
    ])
    func rateText(differing: Int, union: Int, text: String) {
        #expect(DiffRate(differing: differing, union: union).percentText == text)
    }

    @Test("difference JSON escapes quotes, backslashes and control characters and keeps Chinese")
    func json() {
        #expect(DifferenceJSON.keyValues(columns: ["plate_number", "plate_colour"], values: ["豫A12345", nil])
                == "{\"plate_number\": \"豫A12345\", \"plate_colour\": null}")
        let fields = [FieldDifference(column: "name", label: "名称", ministry: "a\"b\\c\td\u{1}", province: nil)]
        #expect(DifferenceJSON.fields(fields)
                == "[{\"column\": \"name\", \"label\": \"名称\", \"ministry\": \"a\\\"b\\\\c\\td\\u0001\", \"province\": null}]")
        #expect(DifferenceJSON.fields([]) == "[]")
    }
}
