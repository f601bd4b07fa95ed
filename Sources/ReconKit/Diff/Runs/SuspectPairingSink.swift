import PostgresClient
import ReconRules

/// Passes every difference on to `next` and keeps the one-sided ones (部有省无/省有部无) with
/// their row values, so that suspected same records (疑似同一记录, ``SuspectPairing``) can be paired
/// once the record set's merge has ended — within the run's differences, never the registries
/// (docs/rules.md, "疑似同一记录"). At most ``SuspectPairing/defaultCandidateLimit`` items are kept;
/// past that, pairing is skipped for the set (``overLimit``) and the run says so.
public final class SuspectPairingSink: DifferenceSink {
    private let next: any DifferenceSink
    private let recordSet: RecordSetSpec
    private let limit: Int
    private var items: [SuspectPairing.Item] = []
    /// More one-sided differences than the limit: no pairing for this set.
    public private(set) var overLimit = false

    /// A sink in front of `next` for `recordSet`'s differences.
    public init(next: any DifferenceSink, recordSet: RecordSetSpec, limit: Int = SuspectPairing.defaultCandidateLimit) {
        self.next = next
        self.recordSet = recordSet
        self.limit = limit
    }

    public func accept(_ difference: Difference) throws {
        try next.accept(difference)
        guard !overLimit, difference.category == .ministryOnly || difference.category == .provinceOnly,
              let row = difference.rows.first else { return }
        guard items.count < limit else {
            overLimit = true
            items = []
            return
        }
        items.append(SuspectPairing.Item(seq: difference.seq, ministrySide: difference.category == .ministryOnly,
                                         key: difference.key, values: row.values.map(\.value)))
    }

    /// The pairs found (empty when over the limit).
    public func pairs() -> [SuspectPairing.Pair] {
        overLimit ? [] : SuspectPairing(recordSet).pairs(items)
    }

    /// Writes `pairs` into run `runID`'s stored differences of the set (both items of each pair).
    public static func store(_ pairs: [SuspectPairing.Pair], runID: Int64, recordSet: String, on db: Connection) throws {
        guard !pairs.isEmpty else { return }
        var seqs: [String] = [], partners: [String] = [], hints: [String] = []
        for pair in pairs {
            seqs += [String(pair.ministrySeq), String(pair.provinceSeq)]
            partners += [String(pair.provinceSeq), String(pair.ministrySeq)]
            hints += [pair.hint, pair.hint]
        }
        try db.execute("""
            UPDATE recon.differences d SET suspect_seq = v.partner, suspect_hint = v.hint
            FROM unnest($1::bigint[], $2::bigint[], $3::text[]) AS v(seq, partner, hint)
            WHERE d.run_id = $4 AND d.record_set = $5 AND d.seq = v.seq
            """, [PostgresArray.text(seqs), PostgresArray.text(partners), PostgresArray.text(hints), String(runID), recordSet])
    }

    /// `differences` with the pairs among them set on both items (in memory, e.g. for tests and
    /// `recon bench`).
    public static func applying(_ pairs: [SuspectPairing.Pair], to differences: [Difference]) -> [Difference] {
        var partner: [Int: SuspectPair] = [:]
        for pair in pairs {
            partner[pair.ministrySeq] = SuspectPair(partnerSeq: pair.provinceSeq, hint: pair.hint)
            partner[pair.provinceSeq] = SuspectPair(partnerSeq: pair.ministrySeq, hint: pair.hint)
        }
        return differences.map { var d = $0; d.suspect = partner[d.seq]; return d }
    }
}
