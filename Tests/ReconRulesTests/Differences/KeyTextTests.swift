import Testing
@testable import ReconRules

/// issue 15: "keys (`K / 1`, `2`) and (`K`, `1 / 2`) both print `K / 1 / 2`" — no longer.
/// issue 25 case 12: "(`K /`, `1`) and (`K`, `/ 1`) both print `K / / 1`" — no longer either.
@Suite("Combined key text (KeyText)")
struct KeyTextTests {
    @Test("the usual key reads as before")
    func usualKeys() {
        #expect(KeyText.combined(["豫A12345", "2"]) == "豫A12345 / 2")
        #expect(KeyText.combined([nil, "2"]) == "(空) / 2")
        #expect(KeyText.combined(["410102196707138123"]) == "410102196707138123")
        // A slash not beside a space, a backslash, an inner space: still plain.
        #expect(KeyText.combined(["豫交运管许可郑字410100/001", "a\\b", "A 1"]) == "豫交运管许可郑字410100/001 / a\\b / A 1")
    }

    @Test("keys that printed alike now print apart")
    func ambiguousKeysDiffer() {
        let a = KeyText.combined(["K / 1", "2"]), b = KeyText.combined(["K", "1 / 2"])
        #expect(a != b)
        #expect(a == "\"K / 1\" / 2")
        #expect(b == "K / \"1 / 2\"")
        #expect(KeyText.combined(["(空)"]) != KeyText.combined([nil]))
        #expect(KeyText.combined([""]) == "\"\"")
    }

    @Test("a part ending ' /' or beginning '/ ' is quoted (issue 25 case 12)")
    func slashBesideSpace() {
        let a = KeyText.combined(["K /", "1"]), b = KeyText.combined(["K", "/ 1"])
        #expect(a == "\"K /\" / 1")
        #expect(b == "K / \"/ 1\"")
        #expect(KeyText.parts(a) == ["K /", "1"])
        #expect(KeyText.parts(b) == ["K", "/ 1"])
    }

    @Test("invisible characters and a leading combining mark are shown escaped")
    func invisibleCharacters() {
        #expect(KeyText.combined(["A\n1"]) == "\"A\\u{000A}1\"")
        #expect(KeyText.combined(["A\u{200B}1", "2"]) == "\"A\\u{200B}1\" / 2")
        #expect(KeyText.combined(["K", "\u{301}1"]) == "K / \"\\u{0301}1\"")
        #expect(KeyText.combined(["say \"hi\" \\ ok"]) == "\"say \"\"hi\"\" \\\\ ok\"")
        #expect(KeyText.combined(["\u{3000}A"]) == "\"\u{3000}A\"")
    }

    @Test("parts read back from the combined key", arguments: [
        ["K / 1", "2"], ["K", "1 / 2"], [nil, "2"], ["(空)", nil], ["say \"hi\"", " x"], ["", "a"], ["豫A12345", "2"],
        ["K /", "1"], ["K", "/ 1"], ["/", "/"], ["\\u{41}", "\\"], ["CAFE\u{301}", "\u{301}"], ["a\r\nb", "\t"],
    ] as [[String?]])
    func roundTrip(parts: [String?]) {
        #expect(KeyText.parts(KeyText.combined(parts)) == parts)
    }

    /// Many generated keys built from the awkward pieces: print → parse gives the same parts
    /// (compared scalar by scalar, not by canonical equivalence), and two different keys never
    /// print alike.
    @Test("round trip and no collision over 20,000 generated tricky keys")
    func generatedRoundTrip() {
        let pieces = ["K", "1", " ", "/", " / ", "\"", "\"\"", "\\", "\\u{41}", "(空)", "(", "空", ")", "\n", "\t",
                      "\u{200B}", "\u{301}", "E", "\u{C9}", "\u{3000}", "豫", "A", ""]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(bound))
        }
        var seen: [[UInt8]: [String?]] = [:]
        var failures = 0
        for _ in 0..<20_000 {
            let key: [String?] = (0..<(1 + next(3))).map { _ in
                if next(8) == 0 { return nil }
                return (0..<next(5)).map { _ in pieces[next(pieces.count)] }.joined()
            }
            let text = KeyText.combined(key)
            let back = KeyText.parts(text)
            let same = back.map { $0.count == key.count && zip($0, key).allSatisfy { scalarsEqual($0, $1) } } ?? false
            if !same { failures += 1; if failures < 5 { Issue.record("\(key.debugDescription) → \(text) → \(back.debugDescription)") } }
            if let earlier = seen[Array(text.utf8)], !(earlier.count == key.count && zip(earlier, key).allSatisfy { scalarsEqual($0, $1) }) {
                failures += 1
                if failures < 5 { Issue.record("\(earlier.debugDescription) and \(key.debugDescription) both print \(text)") }
            }
            seen[Array(text.utf8)] = key
        }
        #expect(failures == 0)
    }

    private func scalarsEqual(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return Array(x.unicodeScalars) == Array(y.unicodeScalars)
        default: return false
        }
    }
}
