/// Makes the canonical rows of one record set for one province: the key from the row's index
/// (distinct indexes give distinct keys), every other value drawn from a generator.
///
/// Canonical values are the ones the ministry holds; they are already in the form the field's
/// normalisers produce for keys (upper-case ASCII, no spaces), so a key's canonical text is its
/// normalised text.
import ReconRules
import ReconKit

protocol SampleRecordGenerator: Sendable {
    /// The record set's name (``RecordSetSpec/name``).
    var recordSetName: String { get }
    /// The columns, in the order of the record set's ``RecordSetSpec/allColumns`` (keys first).
    var columns: [String] { get }
    /// How many leading columns form the key.
    var keyColumnCount: Int { get }
    /// The number of distinct keys the generator can make for this province.
    var capacity: Int { get }
    /// Writes the row of key number `index` (0 ≤ index < capacity) into `row` (reset first): the
    /// key from `index` alone, the other values drawn from `rng`.
    func render(index: Int, into row: inout SampleRow, _ rng: inout SeededGenerator)
    /// Writes only the key columns of key number `index` (other columns NULL).
    func renderKey(index: Int, into row: inout SampleRow)
}

/// What every record-set generator of one province shares: the province, the date range of the
/// data and the permutations that scatter keys.
struct SampleContext: Sendable {
    /// The province.
    let province: SampleProvince
    /// The last day (a day number) of the quarter the data describes: no issue date is later.
    let lastDay: Int

    /// A day number uniformly in `first...last` (`last` is clamped to `lastDay`; an empty range
    /// gives `last`).
    @inline(__always)
    func day(from first: Int, through last: Int, _ rng: inout SeededGenerator) -> Int {
        let upper = min(last, lastDay)
        guard first < upper else { return upper }
        return first + SampleDraw.index(upper - first + 1, &rng)
    }
}

/// Rendering helpers shared by the record-set generators.
extension SampleRow {
    /// Appends a person's name: a surname and one or two given-name characters.
    mutating func appendPersonName(_ rng: inout SeededGenerator) {
        append(SampleDraw.element(SampleVocabulary.surnames, &rng))
        append(SampleDraw.element(SampleVocabulary.givenNameCharacters, &rng))
        if SampleDraw.chance(2, in: 3, &rng) { append(SampleDraw.element(SampleVocabulary.givenNameCharacters, &rng)) }
    }

    /// Appends one of the words, drawn uniformly.
    @inline(__always)
    mutating func append(oneOf words: [[UInt8]], _ rng: inout SeededGenerator) {
        append(SampleDraw.element(words, &rng))
    }
}
