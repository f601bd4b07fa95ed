import Foundation
import Testing
@testable import ReconRules

@Suite("Score: 注6 rounding")
struct ScoreTests {
    /// 注6 "不足0.01分的按0.01分计算" and "每项最低得分为0分"; docs/rules.md: 4.625 → 4.63,
    /// 4.6201 → 4.63, 4.62 → 4.62.
    @Test("rounded up to the next 0.01 when there is a remainder, never below 0", arguments: [
        (37, 8, "4.63"), (46201, 10000, "4.63"), (462, 100, "4.62"), (5, 1, "5.00"), (0, 1, "0.00"),
        (-1, 2, "0.00"), (-1, 1000, "0.00"), (1, 1000, "0.01"), (1, 1_000_000_000, "0.01"),
        (49975, 10000, "5.00"), (3995, 1000, "4.00"), (249, 100, "2.49"), (1, 3, "0.34"), (15, 4, "3.75"),
    ])
    func roundingUp(n: Int, d: Int, expected: String) throws {
        #expect(try Score(roundingUp: Rational(n, d)).description == expected)
    }

    @Test("held in hundredths")
    func hundredths() throws {
        #expect(try Score(roundingUp: Rational(37, 8)).hundredths == 463)
        #expect(Score.points(5).hundredths == 500)
        #expect(Score.zero.hundredths == 0)
        #expect(Score(hundredths: 5)?.description == "0.05")
        #expect(Score(hundredths: 1234)?.description == "12.34")
        #expect(Score(hundredths: -1) == nil)
        #expect(Score(hundredths: 463)?.value == (try Rational(463, 100)))
        #expect(Score.points(4) < Score(hundredths: 401)!)
    }

    @Test("JSON is the two-decimal string")
    func coding() throws {
        let data = try JSONEncoder().encode([Score(hundredths: 463)!, .points(5), .zero])
        #expect(String(decoding: data, as: UTF8.self) == #"["4.63","5.00","0.00"]"#)
        #expect(try JSONDecoder().decode([Score].self, from: data) == [Score(hundredths: 463)!, .points(5), .zero])
        for bad in [#"["4.625"]"#, #"["-1"]"#, #"["x"]"#] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode([Score].self, from: Data(bad.utf8)) }
        }
    }
}
