import Testing
@testable import ReconRules

@Suite("Value-form normalisers: date, timestamp, decimal")
struct ValueFormNormaliserTests {
    @Test(arguments: [
        ("20240102", "2024-01-02", "2024-01-02 00:00:00"),
        ("2024-01-02", "2024-01-02", "2024-01-02 00:00:00"),
        ("2024-1-2", "2024-01-02", "2024-01-02 00:00:00"),
        ("2024/01/02", "2024-01-02", "2024-01-02 00:00:00"),
        ("2024/1/2", "2024-01-02", "2024-01-02 00:00:00"),
        ("2024-01-02 03:04:05", "2024-01-02", "2024-01-02 03:04:05"),
        ("2024-01-02 03:04:05.500", "2024-01-02", "2024-01-02 03:04:05.5"),
        ("2024-01-02 03:04:05.000", "2024-01-02", "2024-01-02 03:04:05"),
        ("2024-01-02 03:04:05.123456789", "2024-01-02", "2024-01-02 03:04:05.123456789"),
        ("2024-01-02T23:59:59", "2024-01-02", "2024-01-02 23:59:59"),
        ("2024-1-2 3:04", "2024-01-02", "2024-01-02 03:04:00"),
        ("20240102030405", "2024-01-02", "2024-01-02 03:04:05"),
        ("2024-02-29", "2024-02-29", "2024-02-29 00:00:00"),
        ("2000-02-29", "2000-02-29", "2000-02-29 00:00:00"),
        ("2020.01.05", "2020-01-05", "2020-01-05 00:00:00"),
        ("2020.1.5", "2020-01-05", "2020-01-05 00:00:00"),
        ("2020年1月5日", "2020-01-05", "2020-01-05 00:00:00"),
        ("2020年01月05日", "2020-01-05", "2020-01-05 00:00:00"),
        ("2020年1月5日 8:30", "2020-01-05", "2020-01-05 08:30:00"),
        ("2020年1月5日08:30:15", "2020-01-05", "2020-01-05 08:30:15"),
    ])
    func datesAreMadeCanonical(raw: String, date: String, timestamp: String) {
        #expect(normalised(raw, .date) == date)
        #expect(normalised(raw, .timestamp) == timestamp)
    }

    @Test(arguments: [
        "2023-02-29", "2100-02-29", "2024-13-01", "2024-00-10", "2024-01-32", "2024-01-00", "0000-01-01",
        "2024-01-02 24:00:00", "2024-01-02 12:60:00", "2024-01-02 12:00:61", "2024-01/02", "24-01-02",
        "2024-001-02", "2024-01-02 ", " 2024-01-02", "2024-01-02  03:04:05", "2024-01-02 03:04:05.",
        "2024-01-02 03:04:05.1234567891", "2024-01-02 03", "2024-01-02Z", "2024010", "202401021", "abc", "",
        "2024年1月2", "2024年13月2日", "2024年2月30日", "2024.01/02", "2024年1月2日 ", "2024年1-2日",
    ])
    func unparseableDatesAreLeftAsTheyAre(raw: String) {
        #expect(normalised(raw, .date) == raw)
        #expect(normalised(raw, .timestamp) == raw)
    }

    @Test func dirtyDatesCleanWithTheCharacterSteps() {
        #expect(normalised(" ２０２４－０１－０２\u{3000}", .fullWidth, .trim, .date) == "2024-01-02")
        #expect(normalised("2024-01-02   03:04:05", .collapseSpaces, .timestamp) == "2024-01-02 03:04:05")
    }

    @Test func dateWinsOverTimestampWhenBothAreConfigured() {
        #expect(normalised("2024-01-02 03:04:05", .timestamp, .date) == "2024-01-02")
    }

    @Test func dateFormsCompareEqualAndRealDifferencesDiffer() {
        let pipeline = NormaliserPipeline([.date])
        #expect(pipeline.equal("2024-1-2", "20240102"))
        #expect(pipeline.equal("2024/01/02", "2024-01-02 08:30:00"))
        #expect(!pipeline.equal("2024-01-02", "2024-01-03"))
        #expect(!pipeline.equal("2024-01-02", "2024-02-01"))
        #expect(!pipeline.equal("2023-02-29", "2023-03-01"))
        let timestamps = NormaliserPipeline([.timestamp])
        #expect(timestamps.equal("2024-01-02 03:04:05.100", "2024-01-02T03:04:05.1"))
        #expect(!timestamps.equal("2024-01-02 03:04:05", "2024-01-02 03:04:06"))
    }

    @Test(arguments: [
        ("1.50", "1.5"), ("2.0", "2"), ("002", "2"), ("+1.5", "1.5"), (".5", "0.5"), ("-.5", "-0.5"),
        ("+.5", "0.5"), ("5.", "5"), ("-0", "0"), ("-0.00", "0"), ("0.000", "0"), (".0", "0"), ("-.0", "0"),
        ("100", "100"), ("10.010", "10.01"), ("-007.50", "-7.5"), ("0", "0"), ("0.05", "0.05"),
        ("12345678901234567890.12345678901234567890", "12345678901234567890.1234567890123456789"),
        ("12,000", "12000"), ("1,234,567.50", "1234567.5"), ("-1,000", "-1000"), ("1.2e4", "12000"),
        ("1.2E4", "12000"), ("5e-3", "0.005"), ("-1.5e+2", "-150"), ("1e3", "1000"), (".5e1", "5"), ("120e-1", "12"),
    ])
    func decimalsAreMadeCanonical(raw: String, canonical: String) {
        #expect(normalised(raw, .decimal) == canonical)
    }

    @Test(arguments: [".", "-", "+", "", "1e", "e3", "1e1234", "1,00", "1,0000", ",000", "1,000,00", "1.5e2.0", "1,000e3",
                      " 1.5", "1.5 ", "1.5.0", "--1", "+-1", "abc", "１.５", "1/2", "0x10"])
    func nonNumbersAreLeftAsTheyAre(raw: String) {
        #expect(normalised(raw, .decimal) == raw)
    }

    @Test func decimalEqualityAndRealDifferences() {
        let pipeline = NormaliserPipeline([.decimal])
        #expect(pipeline.equal("1.50", "1.5"))
        #expect(pipeline.equal("2", "2.000"))
        #expect(!pipeline.equal("1.5", "1.05"))
        #expect(!pipeline.equal("15", "1.5"))
        #expect(!pipeline.equal("-1", "1"))
        #expect(!pipeline.equal("5", "94"))
        #expect(NormaliserPipeline([.fullWidth, .decimal]).equal("１．５０", "1.5"))
    }

    /// `numericCode`: leading zeros of an all-digit code (`0123` vs `123`); nothing else.
    @Test(arguments: [("0123", "123"), ("123", "123"), ("000", "0"), ("0", "0"), ("00410000", "410000"), ("0a1", "0a1"),
                      ("0 1", "0 1"), ("", ""), ("01.5", "01.5")])
    func numericCodes(raw: String, normalised expected: String) {
        #expect(normalised(raw, .numericCode) == expected)
    }
}
