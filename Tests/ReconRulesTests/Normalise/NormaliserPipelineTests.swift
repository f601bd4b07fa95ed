import Foundation
import Testing
@testable import ReconRules

@Suite("NormaliserPipeline")
struct NormaliserPipelineTests {
    @Test func canonicalOrderWhateverTheConfiguredOrder() {
        let pipeline = NormaliserPipeline([.emptyAsNull, .upper, .date, .trim, .fullWidth, .upper])
        #expect(pipeline.normalisers == [.fullWidth, .trim, .upper, .date, .emptyAsNull])
        #expect(pipeline == NormaliserPipeline([.fullWidth, .trim, .upper, .date, .emptyAsNull]))
        #expect(pipeline.description == "fullWidth → trim → upper → date → emptyAsNull")
        #expect(NormaliserPipeline.identity.description == "(none)")
        #expect(FieldNormaliser.allCases.map(\.canonicalRank) == Array(0..<FieldNormaliser.allCases.count))
    }

    @Test func configNamesAndCodable() throws {
        #expect(try FieldNormaliser.named("collapseSpaces") == .collapseSpaces)
        #expect(throws: UnknownNormaliserError(name: "trimm")) { try FieldNormaliser.named("trimm") }
        #expect(UnknownNormaliserError(name: "trimm").description.contains("\"trimm\""))
        let decoded = try JSONDecoder().decode(NormaliserPipeline.self, from: Data(#"["upper","fullWidth"]"#.utf8))
        #expect(decoded.normalisers == [.fullWidth, .upper])
        let encoded = String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self)
        #expect(encoded == #"["fullWidth","upper"]"#)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(NormaliserPipeline.self, from: Data(#"["upperCase"]"#.utf8))
        }
    }

    @Test func theDirtOfRealCopiesIsNormalisedAway() {
        let pipeline = NormaliserPipeline([.fullWidth, .trim, .collapseSpaces, .upper, .emptyAsNull])
        #expect(pipeline.equal("京Ａ１２３４５", "京A12345"))
        #expect(pipeline.equal(" 郑州（中原）运输  有限公司\u{3000}", "郑州(中原)运输 有限公司"))
        #expect(pipeline.equal("11010519491231002x", "11010519491231002X"))
        #expect(pipeline.equal("", nil))
        #expect(pipeline.equal("\u{3000}", nil))
    }

    @Test func realDifferencesStillDiffer() {
        for pipeline in [NormaliserPipeline.identity, NormaliserPipeline(FieldNormaliser.allCases),
                         NormaliserPipeline([.fullWidth, .trim, .collapseSpaces, .upper, .decimal])] {
            #expect(!pipeline.equal("5", "94"), "plate colour 5 vs 94 under \(pipeline)")
            #expect(!pipeline.equal("京A12345", "京A12346"), "\(pipeline)")
            #expect(!pipeline.equal("11010519491231002X", "11010519491231003X"), "\(pipeline)")
            #expect(!pipeline.equal("张三", "张四"), "\(pipeline)")
            #expect(!pipeline.equal("a", nil), "\(pipeline)")
            // A character that did not survive a GBK→UTF-8 conversion is a real difference.
            #expect(!pipeline.equal("郑州", "郑?"), "\(pipeline)")
            #expect(!pipeline.equal("郑州", "郑\u{FFFD}"), "\(pipeline)")
            #expect(!pipeline.equal(bytes: Array("中".utf8), [0xD6, 0xD0]), "GBK bytes vs UTF-8 under \(pipeline)")
            #expect(!pipeline.equal(bytes: Array("中".utf8), [0xE4, 0xB8]), "truncated vs whole under \(pipeline)")
        }
    }

    @Test func invalidUTF8IsLeftAsItIs() {
        let all = FieldNormaliser.allCases
        let dirty: [[UInt8]] = [
            [0xE4, 0xB8], [0xEF, 0xBC], [0xEF], [0xE3, 0x80], [0xFF, 0xFE], [0xD6, 0xD0, 0xB9, 0xFA], [0x80, 0x80],
        ]
        for bytes in dirty {
            #expect(normalisedBytes(bytes, all) == bytes, "\(bytes)")
            #expect(normalisedBytes([0x61] + bytes + [0x62], [.upper]) == [0x41] + bytes + [0x42], "\(bytes)")
        }
        // A full-width letter right after an invalid byte is still converted.
        #expect(normalisedBytes([0xFF, 0xEF, 0xBC, 0xA1], [.fullWidth]) == [0xFF, 0x41])
        // An incomplete U+3000 at the end is not a space.
        #expect(normalisedBytes([0x61, 0xE3, 0x80], [.trim]) == [0x61, 0xE3, 0x80])
        // Identical invalid bytes are equal; different ones are not.
        #expect(NormaliserPipeline(all).equal(bytes: [0xFF, 0x01], [0xFF, 0x01]))
        #expect(!NormaliserPipeline(all).equal(bytes: [0xFF, 0x01], [0xFE, 0x01]))
    }

    @Test func bufferAPIReusesItsBuffer() {
        let pipeline = NormaliserPipeline([.fullWidth, .trim, .collapseSpaces, .upper, .decimal, .emptyAsNull])
        var out: [UInt8] = []
        out.reserveCapacity(64)
        let capacity = out.capacity
        let values = ["  １.５０ ", ".5", "abc  def", "", "京Ａ１２３４５", "-.5", "0012"]
        var results: [String?] = []
        for value in values {
            var copy = value
            let isValue = copy.withUTF8 { pipeline.apply(UnsafeRawBufferPointer($0), into: &out) }
            results.append(isValue ? String(decoding: out, as: UTF8.self) : nil)
            #expect(out.capacity == capacity, "buffer reallocated for \(value)")
        }
        #expect(results == ["1.5", "0.5", "ABC DEF", nil, "京A12345", "-0.5", "12"])
        #expect(pipeline.apply(nil, into: &out) == false)
        #expect(out.isEmpty)
    }

    @Test func equalWithScratchAndRawBuffers() {
        let pipeline = NormaliserPipeline([.trim, .upper])
        var scratch = NormaliserPipeline.Scratch()
        let a = Array(" abc".utf8), b = Array("ABC".utf8), c = Array("ABD".utf8)
        a.withUnsafeBytes { a in
            b.withUnsafeBytes { b in
                c.withUnsafeBytes { c in
                    #expect(pipeline.equal(a, b, scratch: &scratch))
                    #expect(!pipeline.equal(a, c, scratch: &scratch))
                    #expect(pipeline.equal(c, c, scratch: &scratch))
                    #expect(!pipeline.equal(c, nil, scratch: &scratch))
                    #expect(pipeline.equal(nil, nil, scratch: &scratch))
                }
            }
        }
    }
}
