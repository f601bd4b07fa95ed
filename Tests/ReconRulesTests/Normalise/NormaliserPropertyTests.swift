import Testing
@testable import ReconRules

/// Property-style tests over many generated dirty values and random pipelines.
@Suite("Normaliser properties")
struct NormaliserPropertyTests {
    /// Pieces of dirt and of real values, glued together at random.
    static let pieces: [[UInt8]] = [
        "", " ", "  ", "\u{3000}", "\t", "\r\n", "１", "２", "０", "Ａ", "ａ", "x", "X", "（", "）", "(", ")",
        "0", "00", "1", "5", "9", ".", "．", "-", "－", "+", "/", ":", "T", "2024", "1", "12", "31", "29",
        "中", "郑州", "无", "NULL", "null", "—", "é", "!", "～", "\u{FF00}", "\u{FF5F}", "\u{3001}",
    ].map { Array($0.utf8) } + [[0xFF], [0xE4, 0xB8], [0xEF, 0xBC], [0xE3, 0x80], [0x80], [0xD6, 0xD0]]

    /// Date- and number-shaped templates, so the value-form steps get real work.
    static let shaped: [String] = [
        "2024-1-2", "20240229", "2023/02/29", "2024-01-02 3:04", "2024-01-02T03:04:05.120", "２０２４－０１－０２",
        "1.50", "-.5", "+007", "0.000", "１．５０", " 2024-01-02 ", "20240102030405", "2024-12-31 23:59:59.000000001",
    ]

    static func randomValue(using rng: inout SeededGenerator) -> [UInt8]? {
        switch IdentifierRandom.index(below: 10, using: &rng) {
        case 0: return nil
        case 1, 2:
            var value = Array(IdentifierRandom.element(of: shaped, using: &rng).utf8)
            if IdentifierRandom.index(below: 2, using: &rng) == 0 { value += IdentifierRandom.element(of: pieces, using: &rng) }
            return value
        default:
            var value: [UInt8] = []
            for _ in 0..<IdentifierRandom.index(below: 7, using: &rng) { value += IdentifierRandom.element(of: pieces, using: &rng) }
            return value
        }
    }

    /// A random pipeline; a field is a date or a number, never both (the configuration refuses
    /// `date`/`timestamp` with `decimal`: `20240229.` is a number whose canonical form reads as a date).
    static func randomPipeline(using rng: inout SeededGenerator) -> NormaliserPipeline {
        var steps = FieldNormaliser.allCases.filter { _ in IdentifierRandom.index(below: 3, using: &rng) == 0 }
        if steps.contains(.decimal), steps.contains(.date) || steps.contains(.timestamp) { steps.removeAll { $0 == .decimal } }
        return NormaliserPipeline(steps)
    }

    @Test(arguments: 0..<20)
    func normalisingIsIdempotent(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<500 {
            let pipeline = Self.randomPipeline(using: &rng)
            let value = Self.randomValue(using: &rng)
            let once = pipeline.apply(bytes: value)
            let twice = pipeline.apply(bytes: once)
            #expect(once == twice, "\(pipeline) on \(String(describing: value))")
            #expect(pipeline.equal(bytes: value, once), "\(pipeline) on \(String(describing: value))")
        }
    }

    /// The combined pass equals running each step on its own, one after another in canonical order.
    @Test(arguments: 0..<20)
    func combinedPipelineEqualsStepByStep(seed: UInt64) {
        var rng = SeededGenerator(seed: seed &+ 1000)
        for _ in 0..<500 {
            let pipeline = Self.randomPipeline(using: &rng)
            let value = Self.randomValue(using: &rng)
            var stepwise = value
            for step in pipeline.normalisers {
                stepwise = NormaliserPipeline([step]).apply(bytes: stepwise)
            }
            #expect(pipeline.apply(bytes: value) == stepwise, "\(pipeline) on \(String(describing: value))")
        }
    }

    /// The order a configuration lists the steps in does not matter.
    @Test func configuredOrderDoesNotMatter() {
        var rng = SeededGenerator(seed: 77)
        for _ in 0..<300 {
            let steps = FieldNormaliser.allCases.filter { _ in IdentifierRandom.index(below: 2, using: &rng) == 0 }
            var shuffled = steps
            for index in shuffled.indices.reversed() where index > 0 {
                shuffled.swapAt(index, IdentifierRandom.index(below: index + 1, using: &rng))
            }
            let value = Self.randomValue(using: &rng)
            #expect(NormaliserPipeline(steps).apply(bytes: value) == NormaliserPipeline(shuffled).apply(bytes: value))
        }
    }

    /// `equal` agrees with comparing the normalised values, and raw-identical values are equal.
    @Test func equalAgreesWithApply() {
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<3000 {
            let pipeline = Self.randomPipeline(using: &rng)
            let a = Self.randomValue(using: &rng), b = Self.randomValue(using: &rng)
            #expect(pipeline.equal(bytes: a, b) == (pipeline.apply(bytes: a) == pipeline.apply(bytes: b)))
            #expect(pipeline.equal(bytes: a, a))
        }
    }
}
