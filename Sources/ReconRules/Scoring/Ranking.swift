/// The ranking (排名) of a published quarter (第十一条: 对评价结果排名靠前的予以表扬): provinces by
/// their subtotal of indicators 10–12, highest first; equal subtotals share a rank and the next
/// rank skips (1, 2, 2, 4), listed by province code (docs/rules.md, "Published results").
public enum Ranking {
    /// One ranked entry.
    public struct Entry: Sendable, Hashable {
        /// The province code.
        public let provinceCode: String
        /// The subtotal in hundredths (0…1500).
        public let subtotalHundredths: Int
        /// 1 for the highest subtotal.
        public let rank: Int

        /// An entry (as stored with a publication).
        public init(provinceCode: String, subtotalHundredths: Int, rank: Int) {
            self.provinceCode = provinceCode
            self.subtotalHundredths = subtotalHundredths
            self.rank = rank
        }
    }

    /// Ranks `(province code, subtotal in hundredths)` pairs.
    public static func rank(_ subtotals: [(provinceCode: String, subtotalHundredths: Int)]) -> [Entry] {
        let sorted = subtotals.sorted {
            $0.subtotalHundredths != $1.subtotalHundredths ? $0.subtotalHundredths > $1.subtotalHundredths : $0.provinceCode < $1.provinceCode
        }
        var entries: [Entry] = []
        for (index, item) in sorted.enumerated() {
            let rank = index > 0 && sorted[index - 1].subtotalHundredths == item.subtotalHundredths ? entries[index - 1].rank : index + 1
            entries.append(Entry(provinceCode: item.provinceCode, subtotalHundredths: item.subtotalHundredths, rank: rank))
        }
        return entries
    }
}
