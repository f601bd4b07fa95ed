import Testing
@testable import ReconRules

/// issue 15: "keys (`K / 1`, `2`) and (`K`, `1 / 2`) both print `K / 1 / 2`" — no longer.
@Suite("Combined key text (KeyText)")
struct KeyTextTests {
    @Test("the usual key reads as before")
    func usualKeys() {
        #expect(KeyText.combined(["豫A12345", "2"]) == "豫A12345 / 2")
        #expect(KeyText.combined([nil, "2"]) == "(空) / 2")
        #expect(KeyText.combined(["410102196707138123"]) == "410102196707138123")
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

    @Test("parts read back from the combined key", arguments: [
        ["K / 1", "2"], ["K", "1 / 2"], [nil, "2"], ["(空)", nil], ["say \"hi\"", " x"], ["", "a"], ["豫A12345", "2"],
    ] as [[String?]])
    func roundTrip(parts: [String?]) {
        #expect(KeyText.parts(KeyText.combined(parts)) == parts)
    }
}
