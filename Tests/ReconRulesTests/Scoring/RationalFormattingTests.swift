import Foundation
import Testing
@testable import ReconRules

@Suite("Rational: writing")
struct RationalFormattingTests {
    @Test("percent with two decimals, to nearest (ties away from zero)", arguments: [
        (99, 10000, "0.99%"), (39, 40, "97.50%"), (1, 1, "100.00%"), (0, 1, "0.00%"), (1, 3, "33.33%"),
        (2, 3, "66.67%"), (19799, 20000, "99.00%"), (99999, 100000, "100.00%"), (777, 80000, "0.97%"),
        (1, 80000, "0.00%"),
    ])
    func percentNearest(n: Int, d: Int, expected: String) throws {
        #expect(try Rational(n, d).percentString(decimals: 2) == expected)
    }

    @Test("the rounding rule only touches the digits beyond the last shown")
    func percentRounding() throws {
        let value = try Rational(19799, 20000)  // 98.995%
        #expect(value.percentString(decimals: 2, rounding: .towardZero) == "98.99%")
        #expect(value.percentString(decimals: 2, rounding: .awayFromZero) == "99.00%")
        #expect(value.percentString(decimals: 3, rounding: .towardZero) == "98.995%")
        let small = try Rational(1, 10000)  // 0.01%
        #expect(small.percentString(decimals: 0) == "0%")
        #expect(small.percentString(decimals: 0, rounding: .awayFromZero) == "1%")
        let exact = try Rational(1001, 10000)  // 10.01%
        #expect(exact.percentString(decimals: 2, rounding: .awayFromZero) == "10.01%")
        #expect(exact.percentString(decimals: 1, rounding: .towardZero) == "10.0%")
    }

    @Test("decimals of any value, negative and huge included")
    func decimals() throws {
        #expect(try Rational(-1, 8).decimalString(decimals: 2) == "-0.13")
        #expect(try Rational(-1, 1000).decimalString(decimals: 2) == "0.00")
        #expect(try Rational(37, 8).decimalString(decimals: 0) == "5")
        #expect(try Rational(37, 8).decimalString(decimals: 3) == "4.625")
        #expect(try Rational(1, Int.max).decimalString(decimals: 3) == "0.000")
        #expect(Rational(Int.max).decimalString(decimals: 1) == "\(Int.max).0")
        #expect(Rational(Int.min).decimalString(decimals: 0) == "\(Int.min)")
        let nearlyOne = try Rational(Int.max - 1, Int.max)
        #expect(nearlyOne.percentString(decimals: 2) == "100.00%")
        #expect(nearlyOne.percentString(decimals: 2, rounding: .towardZero) == "99.99%")
    }

    @Test("exact percentage with trailing zeros trimmed", arguments: [
        (39, 40, "97.5%"), (99, 100, "99%"), (0, 1, "0%"), (1, 10000, "0.01%"), (1, 1, "100%"),
        (1, 100_000_000, "0.000001%"), (101, 10000, "1.01%"),
    ])
    func exactPercent(n: Int, d: Int, expected: String) throws {
        #expect(try Rational(n, d).exactPercentString() == expected)
    }

    @Test("a percentage that needs more decimals is not exact")
    func inexactPercent() throws {
        #expect(try Rational(1, 3).exactPercentString() == nil)
        #expect(try Rational(1, 1_000_000_000).exactPercentString(maxDecimals: 6) == nil)
        #expect(try Rational(1, 1_000_000_000).exactPercentString(maxDecimals: 7) == "0.0000001%")
        #expect(try Rational(1, 3).percentDisplay() == "≈33.3333%")
        #expect(try Rational(2, 3).percentDisplay(maxDecimals: 2) == "≈66.67%")
        #expect(try Rational(39, 40).percentDisplay() == "97.5%")
    }

    @Test("fraction form")
    func fraction() throws {
        #expect(Rational(5).fractionString == "5/1")
        #expect(try Rational(975, 1000).fractionString == "39/40")
        #expect(try Rational(-2, 6).description == "-1/3")
    }

    @Test("encoded as the fraction string and read back")
    func coding() throws {
        let value = try Rational(975, 1000)
        let data = try JSONEncoder().encode([value])
        #expect(String(decoding: data, as: UTF8.self) == #"["39\/40"]"# || String(decoding: data, as: UTF8.self) == #"["39/40"]"#)
        #expect(try JSONDecoder().decode([Rational].self, from: data) == [value])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Rational].self, from: Data(#"["x"]"#.utf8)) }
    }
}
