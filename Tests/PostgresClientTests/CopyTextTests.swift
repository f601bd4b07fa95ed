import PostgresClient
import Testing

@Suite("COPY text format")
struct CopyTextTests {
    @Test("escape then decode round-trips", arguments: [
        "", "a", "tab\t", "nl\n", "cr\r", "bs\\", "\\N", "中文（）", "mixed\t\\\n\r end",
    ])
    func roundTrip(_ value: String) {
        var buffer: [UInt8] = []
        CopyText.appendEscaped(value, to: &buffer)
        #expect(!buffer.contains(0x09) && !buffer.contains(0x0A))
        let decoded = buffer.withUnsafeBytes { CopyText.decode($0) }
        #expect(decoded == value)
    }

    @Test func nullMarker() {
        var buffer: [UInt8] = []
        CopyText.appendEscaped(nil as String?, to: &buffer)
        #expect(buffer == Array("\\N".utf8))
        #expect(buffer.withUnsafeBytes { CopyText.decode($0) } == nil)
    }

    @Test func splitsRows() {
        let row = Array("1\t\\N\t\ta\\tb\n".utf8)
        let fields = row.withUnsafeBytes { CopyText.decodeRow($0) }
        #expect(fields == ["1", nil, "", "a\tb"])
    }

    @Test func octalAndHexEscapes() {
        let raw = Array("\\101\\x42\\x4a\\7".utf8)
        #expect(raw.withUnsafeBytes { CopyText.decode($0) } == "ABJ\u{7}")
    }
}
