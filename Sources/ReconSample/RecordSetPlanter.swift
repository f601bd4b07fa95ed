/// What planting one province's record set produced: the keys to report and the figures.
import ReconRules
import ReconKit

struct PlantingOutcome: Sendable {
    var differences: [PlantedDifference] = []
    var summary: PlantedSetSummary
}

/// Generates one province's rows of one record set, plants differences, traps and noise, writes
/// the rows to a sink, and returns the planted truth for them.
///
/// Four independent streams are drawn from the seed: canonical values, fates (which keys get a
/// difference or trap), noise, and variants (the other values of changed fields, duplicates and
/// deleted copies). So the canonical data of a seed does not change with the rates.
struct RecordSetPlanter<Generator: SampleRecordGenerator> {
    let generator: Generator
    let spec: RecordSetSpec
    let provinceCode: String
    let parameters: SampleParameters
    /// Each column's normaliser pipeline (from the spec).
    let pipelines: [NormaliserPipeline]
    /// Each column's noise kinds its normalisers remove.
    let noiseKinds: [[PlantedNoise]]
    /// The fates open to this record set, and those open to a key without a colour code.
    let fates: [PlantedFate]
    let fateWeights: [Int]
    let otherFates: [PlantedFate]
    let otherFateWeights: [Int]
    /// Whether the key has a plate colour (its second column).
    let hasPlateColour: Bool
    let gradientGreen: [UInt8] = Array(PlateColour.gradientGreen.code.utf8)
    /// Submission times of reference rows: seconds in `submittedFrom ..< submittedUntil`.
    let submittedFrom: Int64
    let submittedUntil: Int64

    var values: SeededGenerator
    var fateDraws: SeededGenerator
    var noiseDraws: SeededGenerator
    var variants: SeededGenerator

    /// Prepares the planter; an error when the spec and the generator disagree on the columns.
    init(generator: Generator, spec: RecordSetSpec, provinceCode: String, parameters: SampleParameters) throws(SampleError) {
        let specColumns = spec.allColumns.map(\.column)
        guard specColumns == generator.columns else {
            throw SampleError("record set \(spec.name): the sample generator writes columns \(generator.columns.joined(separator: ", ")) but the record set's key and fields are \(specColumns.joined(separator: ", "))")
        }
        guard spec.key.count == generator.keyColumnCount else {
            throw SampleError("record set \(spec.name): the sample generator's key has \(generator.keyColumnCount) column(s), the record set's \(spec.key.count)")
        }
        self.generator = generator
        self.spec = spec
        self.provinceCode = provinceCode
        self.parameters = parameters
        pipelines = spec.allColumns.map { NormaliserPipeline($0.normalisers) }
        noiseKinds = spec.allColumns.map { PlantedNoise.kinds(for: $0.normalisers) }
        hasPlateColour = generator.keyColumnCount > 1 && generator.columns[1] == "plate_colour"
        fates = PlantedFate.fates(hasPlateColour: hasPlateColour)
        fateWeights = fates.map(\.weight)
        otherFates = PlantedFate.fates(hasPlateColour: false)
        otherFateWeights = otherFates.map(\.weight)
        let quarterStart = Int64(parameters.quarter.firstDay.dayNumber) * 86_400 - Int64(BeijingTime.utcOffsetSeconds)
        // The registries as they stand when the quarter's reconciliation starts: every row was last
        // uploaded before the quarter (a later 报送时间 would read as a re-upload when tracking).
        submittedUntil = quarterStart
        submittedFrom = quarterStart - 730 * 86_400
        let seed = parameters.seed
        values = SeededGenerator(seed: SampleDraw.streamSeed(seed, province: provinceCode, stream: spec.name + "/values"))
        fateDraws = SeededGenerator(seed: SampleDraw.streamSeed(seed, province: provinceCode, stream: spec.name + "/fates"))
        noiseDraws = SeededGenerator(seed: SampleDraw.streamSeed(seed, province: provinceCode, stream: spec.name + "/noise"))
        variants = SeededGenerator(seed: SampleDraw.streamSeed(seed, province: provinceCode, stream: spec.name + "/variants"))
    }

    typealias Outcome = PlantingOutcome

    /// Generates `parameters.rowsPerSet` keys into `sink`.
    mutating func run<Sink: SampleRowSink>(into sink: inout Sink) throws -> Outcome {
        let rows = parameters.rowsPerSet
        guard rows <= generator.capacity else {
            throw SampleError("--rows \(rows) is more than the \(generator.capacity) distinct \(spec.name) keys the sample generator can make for province \(provinceCode)")
        }
        let columnCount = generator.columns.count
        let keyCount = generator.keyColumnCount
        var canonical = SampleRow(columnCount: columnCount)
        var other = SampleRow(columnCount: columnCount)
        var variant = SampleRow(columnCount: columnCount)
        var scratch: [UInt8] = []
        var summary = PlantedSetSummary(province: provinceCode, recordSet: spec.name, ministryRows: 0, ministryDeletedRows: 0,
                                        provinceRows: 0, unionKeys: 0, differingKeys: 0, categories: [:], noisyValues: 0)
        var differences: [PlantedDifference] = []
        var emptyGroups: [[String?]: (ministry: Int, province: Int)] = [:]
        let trapRate = SampleRate(validPartsPerMillion: parameters.differenceRate.partsPerMillion / 2)

        func record(_ row: SampleRow, _ category: DiffCategory, ministry: Int, province: Int, fields: [String] = [],
                    suspect: (SampleRow, String)? = nil) {
            let key = (0..<keyCount).map { row.string($0) }
            differences.append(PlantedDifference(province: provinceCode, recordSet: spec.name, keyColumns: Array(generator.columns[0..<keyCount]),
                                                 keyValues: key, category: category, ministryCount: ministry, provinceCount: province, fields: fields,
                                                 suspectKey: suspect.map { pair in (0..<keyCount).map { pair.0.string($0) } },
                                                 suspectHint: suspect?.1))
        }

        func writeMinistry(_ row: SampleRow, at time: Int64, deleted: Bool = false) throws {
            try sink.ministry(row, submittedAt: time, deleted: deleted)
            if deleted { summary.ministryDeletedRows += 1 } else { summary.ministryRows += 1 }
        }

        func writeProvince(_ row: SampleRow, noisy: Bool = true, keep: Set<Int> = []) throws {
            if noisy && SampleDraw.chance(parameters.noiseRate, &noiseDraws) {
                variant.copy(from: row)
                summary.noisyValues += plantNoise(&variant, keep: keep, scratch: &scratch)
                try sink.province(variant)
            } else {
                try sink.province(row)
            }
            summary.provinceRows += 1
        }

        for index in 0..<rows {
            generator.render(index: index, into: &canonical, &values)
            let submitted = submittedFrom + Int64(SampleDraw.index(Int(submittedUntil - submittedFrom), &values))
            guard SampleDraw.chance(parameters.differenceRate, &fateDraws) else {
                // No difference; maybe a trap.
                if SampleDraw.chance(trapRate, &fateDraws) {
                    switch PlantedTrap(rawValue: SampleDraw.index(2, &fateDraws))! {
                    case .deletedOnly:
                        try writeMinistry(canonical, at: submitted, deleted: true)
                        continue
                    case .deletedCopy:
                        generator.render(index: index, into: &other, &variants)
                        try writeMinistry(other, at: submittedFrom + (submitted - submittedFrom) / 2, deleted: true)
                    }
                }
                try writeMinistry(canonical, at: submitted)
                try writeProvince(canonical)
                summary.unionKeys += 1
                continue
            }

            // The colour-code difference is open to small new-energy plates only (coded 94).
            let colourOpen = hasPlateColour && canonical.value(1).map { $0.elementsEqual(gradientGreen) } == true
            let fate = colourOpen ? fates[SampleDraw.weighted(fateWeights, &fateDraws)]
                                  : otherFates[SampleDraw.weighted(otherFateWeights, &fateDraws)]
            summary.unionKeys += 1
            switch fate {
            case .ministryOnly:
                try writeMinistry(canonical, at: submitted)
                record(canonical, .ministryOnly, ministry: 1, province: 0)
            case .provinceOnly:
                try writeProvince(canonical)
                record(canonical, .provinceOnly, ministry: 0, province: 1)
            case .oneField, .severalFields:
                let wanted = fate == .oneField ? 1 : SampleDraw.int(2...4, &fateDraws)
                let changed = changeFields(index: index, of: canonical, count: wanted, into: &other, scratch: &variant)
                try writeMinistry(canonical, at: submitted)
                try writeProvince(other, keep: Set(changed))
                record(canonical, .fieldMismatch, ministry: 1, province: 1, fields: changed.map { generator.columns[$0] })
            case .duplicateAtMinistry, .duplicateAtProvince:
                let copies = SampleDraw.int(2...3, &fateDraws)
                let otherSide = SampleDraw.chance(3, in: 4, &fateDraws) ? 1 : 0
                let atMinistry = fate == .duplicateAtMinistry
                for copy in 0..<(atMinistry ? copies : otherSide) {
                    if copy > 0 && SampleDraw.chance(1, in: 2, &fateDraws) {
                        generator.render(index: index, into: &other, &variants)
                        try writeMinistry(other, at: submitted + Int64(copy))
                    } else {
                        try writeMinistry(canonical, at: submitted + Int64(copy))
                    }
                }
                for copy in 0..<(atMinistry ? otherSide : copies) {
                    if copy > 0 && SampleDraw.chance(1, in: 2, &fateDraws) {
                        generator.render(index: index, into: &other, &variants)
                        try writeProvince(other)
                    } else {
                        try writeProvince(canonical)
                    }
                }
                record(canonical, .duplicateKey, ministry: atMinistry ? copies : otherSide, province: atMinistry ? otherSide : copies)
            case .deletedAtMinistry:
                try writeMinistry(canonical, at: submitted, deleted: true)
                try writeProvince(canonical)
                record(canonical, .provinceOnly, ministry: 0, province: 1)
            case .emptyKey:
                let emptyAtMinistry = SampleDraw.chance(1, in: 2, &fateDraws)
                other.copy(from: canonical)
                switch SampleDraw.index(3, &fateDraws) {
                case 0: other.setNull(0)
                case 1: other.set(0, [])
                default: other.set(0, [0x20])
                }
                let group = [nil] + (1..<keyCount).map { canonical.string($0) }
                var counts = emptyGroups[group] ?? (0, 0)
                if emptyAtMinistry {
                    try writeMinistry(other, at: submitted)
                    try writeProvince(canonical)
                    counts.ministry += 1
                    record(canonical, .provinceOnly, ministry: 0, province: 1)
                } else {
                    try writeMinistry(canonical, at: submitted)
                    try writeProvince(other, noisy: false)
                    counts.province += 1
                    record(canonical, .ministryOnly, ministry: 1, province: 0)
                }
                emptyGroups[group] = counts
            case .colourCode:
                other.copy(from: canonical)
                other.set(1, Array(PlateColour.green.code.utf8))
                try writeMinistry(canonical, at: submitted)
                try writeProvince(other, keep: [1])
                // A colour swap: the two keys are one vehicle (疑似同一记录, docs/rules.md).
                let hint = "疑似同一记录：\(spec.key[1].label)不一致"
                record(canonical, .ministryOnly, ministry: 1, province: 0, suspect: (other, hint))
                record(other, .provinceOnly, ministry: 0, province: 1, suspect: (canonical, hint))
                summary.unionKeys += 1
            case .keyTypo:
                other.copy(from: canonical)
                var key = Array(canonical.string(0) ?? "")
                let position = key.count / 2
                key[position] = key[position] == "O" ? "Q" : "O"
                other.set(0, Array(String(key).utf8))
                try writeMinistry(canonical, at: submitted)
                try writeProvince(other, keep: [0])
                let hint = "疑似同一记录：\(spec.key[0].label)相差一个字符"
                record(canonical, .ministryOnly, ministry: 1, province: 0, suspect: (other, hint))
                record(other, .provinceOnly, ministry: 0, province: 1, suspect: (canonical, hint))
                summary.unionKeys += 1
            }
        }

        for (group, counts) in emptyGroups {
            summary.unionKeys += 1
            differences.append(PlantedDifference(province: provinceCode, recordSet: spec.name, keyColumns: Array(generator.columns[0..<keyCount]),
                                                 keyValues: group, category: .emptyKey, ministryCount: counts.ministry, provinceCount: counts.province))
        }
        summary.differingKeys = differences.count
        for difference in differences { summary.categories[difference.category.rawValue, default: 0] += 1 }
        return Outcome(differences: differences, summary: summary)
    }

    /// Writes into `changed` the canonical row of key number `index` with `count` non-key columns
    /// taken from other renderings of the same key, each one verified to differ after normalising;
    /// returns the changed columns in column order (at least one).
    private mutating func changeFields(index: Int, of canonical: SampleRow, count: Int, into changed: inout SampleRow,
                                       scratch: inout SampleRow) -> [Int] {
        changed.copy(from: canonical)
        var candidates = Array(generator.keyColumnCount..<generator.columns.count)
        var picked: [Int] = []
        while picked.count < count && !candidates.isEmpty {
            let column = candidates.remove(at: SampleDraw.index(candidates.count, &fateDraws))
            // Another rendering of the key gives a realistic other value; try a few.
            var found = false
            for _ in 0..<6 {
                generator.render(index: index, into: &scratch, &variants)
                if !equalAfterNormalising(canonical, scratch, column: column) {
                    changed.set(column, scratch.value(column).map(Array.init))
                    found = true
                    break
                }
            }
            if !found && !canonical.isNull(column) {
                changed.setNull(column)  // a value against NULL is a difference too
                found = !equalAfterNormalising(canonical, changed, column: column)
                if !found { changed.set(column, canonical.value(column).map(Array.init)) }
            }
            if found { picked.append(column) }
        }
        precondition(!picked.isEmpty, "record set \(spec.name): no column could be changed")
        return picked.sorted()
    }

    /// Whether column `column` of `a` and `b` is equal after the column's normalisers.
    private func equalAfterNormalising(_ a: SampleRow, _ b: SampleRow, column: Int) -> Bool {
        var scratch = NormaliserPipeline.Scratch(capacity: 64)
        return a.withValue(column) { x in b.withValue(column) { y in pipelines[column].equal(x, y, scratch: &scratch) } }
    }

    /// Plants noise on one to three columns of `row` (not those in `keep`); each spelling is
    /// checked to normalise to the same value, and dropped otherwise. Returns the noisy values.
    private mutating func plantNoise(_ row: inout SampleRow, keep: Set<Int>, scratch: inout [UInt8]) -> Int {
        let wanted = SampleDraw.int(1...3, &noiseDraws)
        var planted = 0
        var normaliserScratch = NormaliserPipeline.Scratch(capacity: 256)
        for _ in 0..<wanted {
            let column = SampleDraw.index(row.columnCount, &noiseDraws)
            if keep.contains(column) { continue }
            let value = row.value(column)
            let kinds = noiseKinds[column].filter { $0.applies(to: value) }
            guard !kinds.isEmpty else { continue }
            let kind = SampleDraw.element(kinds, &noiseDraws)
            kind.spell(value, into: &scratch, &noiseDraws)
            let before = value.map(Array.init)
            let pipeline = pipelines[column]
            let equal = scratch.withUnsafeBytes { noisy in
                Self.withOptional(before) { pipeline.equal($0, noisy, scratch: &normaliserScratch) }
            }
            guard equal else { continue }  // the field's normalisers would not remove it: not noise
            row.set(column, scratch)
            planted += 1
        }
        return planted
    }

    private static func withOptional<R>(_ bytes: [UInt8]?, _ body: (UnsafeRawBufferPointer?) -> R) -> R {
        guard let bytes else { return body(nil) }
        return bytes.withUnsafeBytes { body($0) }
    }
}
