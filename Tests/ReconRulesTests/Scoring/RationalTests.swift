import Testing
@testable import ReconRules

@Suite("Rational: exact fractions")
struct RationalTests {
    @Test("normalised by the gcd, sign on the numerator")
    func normalisation() throws {
        let half = try Rational(2, 4)
        #expect(half.numerator == 1 && half.denominator == 2)
        let negative = try Rational(3, -6)
        #expect(negative.numerator == -1 && negative.denominator == 2)
        let zero = try Rational(0, 5)
        #expect(zero.numerator == 0 && zero.denominator == 1)
        let one = try Rational(Int.min, Int.min)
        #expect(one == Rational(1))
        #expect(try Rational(Int.min, 2).numerator == Int.min / 2)
        #expect(Set([try Rational(1, 2), try Rational(2, 4), try Rational(-3, -6)]).count == 1)
    }

    @Test("a zero denominator and an unrepresentable sign are errors")
    func badConstruction() {
        #expect(throws: RationalError.self) { try Rational(5, 0) }
        // 1/Int.min = -1/2^63: 2^63 does not fit in Int.
        #expect(throws: RationalError.self) { try Rational(1, Int.min) }
    }

    @Test("990 of 1000 is exactly 99%")
    func ninetyNinePercent() throws {
        #expect(try Rational(990, 1000) == Rational.percent(99))
        #expect(try Rational(990, 1000) == Rational(parsing: "99%"))
        #expect(try Rational(9899, 10000) < Rational.percent(99))
    }

    @Test("arithmetic is exact")
    func arithmetic() throws {
        let half = try Rational(1, 2), third = try Rational(1, 3)
        #expect(try half.adding(third) == Rational(5, 6))
        #expect(try half.subtracting(third) == Rational(1, 6))
        #expect(try Rational(2, 3).multiplied(by: Rational(3, 4)) == half)
        #expect(try half.divided(by: Rational(1, 4)) == Rational(2))
        #expect(try third.negated() == Rational(-1, 3))
        #expect(half + third == (try Rational(5, 6)))
        #expect(half - third == (try Rational(1, 6)))
        #expect(half * third == (try Rational(1, 6)))
        #expect(half / third == (try Rational(3, 2)))
        #expect(throws: RationalError.self) { try half.divided(by: .zero) }
    }

    @Test("denominators are reduced before multiplying, so large counts do not overflow")
    func reduceEarly() throws {
        // 1/(3·10^9) + 1/(6·10^9): the naive product of denominators (1.8·10^19) exceeds Int.max.
        let sum = try Rational(1, 3_000_000_000).adding(Rational(1, 6_000_000_000))
        #expect(sum == (try Rational(1, 2_000_000_000)))
        // A rate of counts of ~10^8, in percent, and a rule's arithmetic on it.
        let p = try Rational(99_999_999, 100_000_000).multiplied(by: Rational(100))
        #expect(p == (try Rational(99_999_999, 1_000_000)))
        let score = try Rational(5).subtracting(Rational(99).subtracting(p).divided(by: Rational(4)))
        #expect(score == Rational(5) + (try Rational(99_000_000 - 99_999_999, -4_000_000)))
    }

    @Test("overflow is reported, never wrapped")
    func overflowThrows() throws {
        #expect(throws: RationalError.self) { try Rational(Int.max).adding(Rational(1)) }
        #expect(throws: RationalError.self) { try Rational(Int.min).subtracting(Rational(1)) }
        #expect(throws: RationalError.self) { try Rational(Int.max / 2 + 1).multiplied(by: Rational(2)) }
        #expect(throws: RationalError.self) { try Rational(1, Int.max).adding(Rational(1, Int.max - 1)) }
        #expect(throws: RationalError.self) { try Rational(Int.min).negated() }
        do {
            _ = try Rational(Int.max).adding(Rational(1))
            Issue.record("expected an overflow")
        } catch let error {
            #expect(error.description.contains("overflow"))
            #expect(error.description.contains("\(Int.max)/1 + 1/1"))
        }
    }

    @Test("the operators trap on overflow")
    func overflowTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = Rational(Int.max) + Rational(1)
        }
    }

    @Test("order is exact even where cross products exceed 64 bits")
    func comparison() throws {
        // x/(x−1) decreases as x grows.
        let big = try Rational(Int.max, Int.max - 1)
        let bigger = try Rational(Int.max - 1, Int.max - 2)
        #expect(big < bigger)
        #expect(try Rational(-1, Int.max) < Rational(1, Int.max))
        #expect(try Rational(Int.min, 3) < Rational(Int.min, 5))
        #expect(Rational.max(big, bigger) == bigger)
        #expect(Rational.min(big, bigger) == big)
    }

    @Test("floor and ceiling", arguments: [(7, 2, 3, 4), (-7, 2, -4, -3), (4, 1, 4, 4), (0, 3, 0, 0), (1, 3, 0, 1)])
    func floorCeiling(n: Int, d: Int, floor: Int, ceiling: Int) throws {
        let value = try Rational(n, d)
        #expect(value.floor() == floor)
        #expect(value.ceiling() == ceiling)
    }

    @Test("reads percentages, decimals and fractions", arguments: [
        ("97.5%", 39, 40), ("0.99%", 99, 10000), ("99%", 99, 100), ("100%", 1, 1), ("0%", 0, 1),
        ("0.975", 39, 40), ("1", 1, 1), ("0", 0, 1), (" 97.5 % ", 39, 40), ("97.5％", 39, 40),
        ("-0.5", -1, 2), ("+2.25", 9, 4), ("3/4", 3, 4), ("990/1000", 99, 100), ("4.6201", 46201, 10000),
        ("10.01%", 1001, 10000), ("0.000001%", 1, 100_000_000),
    ])
    func parsing(text: String, n: Int, d: Int) throws {
        #expect(try Rational(parsing: text) == Rational(n, d))
    }

    @Test("refuses what is not a number", arguments: [
        "", "  ", "%", "97,5%", ".5", "5.", "abc", "1.2.3", "3/4%", "1/", "/4", "--1", "1e3", "９９%",
    ])
    func parsingErrors(text: String) {
        #expect(throws: RationalError.self) { try Rational(parsing: text) }
        do {
            _ = try Rational(parsing: text)
        } catch let error {
            #expect(error.description.contains("'\(text)'"))
        }
    }

    @Test("reading too many digits or dividing by zero")
    func parsingLimits() {
        #expect(throws: RationalError.overflow(operation: "reading '99999999999999999999'")) {
            try Rational(parsing: "99999999999999999999")
        }
        #expect(throws: RationalError.self) { try Rational(parsing: "0.00000000000000000001") }
        #expect(throws: RationalError.divisionByZero(operation: "reading '1/0'")) { try Rational(parsing: "1/0") }
    }
}
