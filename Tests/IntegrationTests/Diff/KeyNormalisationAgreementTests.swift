import Testing
import PostgresClient
import ReconTestSupport
@testable import ReconKit
@testable import ReconRules
@testable import ReconSample

/// The server normalises keys (so both sides sort alike); the result must be exactly what the
/// Swift pipeline gives for the same normalisers, value for value.
@Suite("Key normalisation: SQL agrees with the Swift pipeline")
struct KeyNormalisationAgreementTests {
    /// Dirty keys as seen in real copies (docs/identifiers.md) and edge cases.
    static let values: [String?] = [
        nil, "", " ", "\u{3000}", " \t\r\n", "豫A12345", " 豫a12345 ", "豫Ａ１２３４５", "\u{3000}豫A12345\u{3000}",
        "410100000001", "４１０１００００００01", "11010519491231002x", "11010519491231002X ",
        "豫A  123\u{3000}\u{3000}45", "a\tb", "（郑州）", "(郑州)", "ｘｙｚ！～", "＂＇＼", "\\N", "a\\b",
        "无", "暂无", "null", "N/a", "-", "0", "00", "é", "ß", "Ａ", "ａ", "\u{FF5F}", "\u{FF00}", "x\u{3000}y",
        "ABCDE", "豫A12345", "暂无暂无暂", "0000", "00000", "NULL ", " NULL", "—", "——", "n/a", "--", "豫Ａ", "（）", "A\u{2003}B",
        "0123", " 0123 ", "０１２３", "000a", "0a1", "01", "10", "0 1", "00410000",
    ]

    static let combinations: [[FieldNormaliser]] = [
        [],
        [.fullWidth, .trim, .upper, .emptyAsNull],          // identifiers and codes (FieldSpec)
        [.fullWidth, .parentheses, .trim, .collapseSpaces, .emptyAsNull],
        [.trim], [.collapseSpaces], [.trim, .collapseSpaces], [.fullWidth], [.parentheses], [.upper],
        [.parentheses, .upper, .trim], [.placeholderAsNull], [.zeroAsNull, .emptyAsNull],
        [.fullWidth, .trim, .placeholderAsNull, .zeroAsNull, .emptyAsNull, .upper, .collapseSpaces],
        [.numericCode], [.fullWidth, .trim, .numericCode, .emptyAsNull], [.numericCode, .zeroAsNull, .emptyAsNull],
    ]

    @Test("every combination of key normalisers gives the pipeline's bytes", arguments: combinations)
    func agreement(normalisers: [FieldNormaliser]) throws {
        let database = try TestDatabase("keynorm")
        let connection = try database.connect()
        let expr = try KeyNormalisationSQL.expression(column: "v", normalisers: normalisers, recordSet: "t", columnName: "v")
        let rows = Self.values.enumerated().map { "(\($0.offset), \($0.element.map(SQLText.literal) ?? "NULL::text"))" }
        let result = try connection.execute("SELECT n, \(expr) AS k FROM (VALUES \(rows.joined(separator: ", "))) AS t(n, v) ORDER BY n")
        let pipeline = NormaliserPipeline(normalisers)
        for (index, value) in Self.values.enumerated() {
            let sql = result.rows[index]["k"]
            #expect(sql == pipeline.apply(value), "value \(String(describing: value)) with \(normalisers)")
        }
    }

    @Test("keys are normalised the same in a database whose default collation is zh-CN (ICU)")
    func agreementUnderICU() throws {
        let database = try TestDatabase("keynorm_icu", options: "TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'zh-CN'")
        let connection = try database.connect()
        let normalisers: [FieldNormaliser] = [.fullWidth, .trim, .upper, .collapseSpaces, .emptyAsNull]
        let expr = try KeyNormalisationSQL.expression(column: "v", normalisers: normalisers, recordSet: "t", columnName: "v")
        let rows = Self.values.enumerated().map { "(\($0.offset), \($0.element.map(SQLText.literal) ?? "NULL::text"))" }
        let result = try connection.execute("SELECT n, \(expr) AS k FROM (VALUES \(rows.joined(separator: ", "))) AS t(n, v) ORDER BY n")
        let pipeline = NormaliserPipeline(normalisers)
        for (index, value) in Self.values.enumerated() {
            #expect(result.rows[index]["k"] == pipeline.apply(value), "value \(String(describing: value))")
        }
    }
}
