import Testing
@testable import XlsxWriter

@Test func linksLibxlsxwriter() {
    #expect(XlsxLibrary.version.split(separator: ".").count >= 2)
}
