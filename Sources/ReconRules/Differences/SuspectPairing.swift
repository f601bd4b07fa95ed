import Foundation

/// Suspected same records (疑似同一记录): a 部有省无 item and a 省有部无 item of one record set whose
/// keys differ only a little and whose core fields mostly agree — most likely one record whose key
/// was mistyped on one side. The pairing only helps a province fix the right thing; counts and the
/// rate are unchanged (indicator 10 counts records). Decision and thresholds: docs/rules.md,
/// "疑似同一记录".
///
/// A pair needs both:
/// - **keys close**: for a key of several parts, every part equal but one (a vehicle whose 车牌颜色
///   differs, or whose plate differs); for a one-part key, an edit distance of exactly 1 between the
///   normalised keys (one character replaced, inserted or deleted);
/// - **fields agree**: of the core fields that are non-NULL on at least one side, at least
///   ``agreementNumerator``/``agreementDenominator`` are equal after normalising, and at least one is
///   (a record set without core fields is never paired).
/// Each item is paired at most once: candidate pairs are taken best first (most agreeing fields,
/// then a one-character difference before a wider one, then the lower ministry and province
/// positions), skipping items already paired, so the result
/// does not depend on input order.
///
/// Memory and time: candidates are found through a hash map of key variants (the key with one
/// character deleted; with several parts, the key with one part blanked — a blanked variant shared
/// by more than ``blankedBucketLimit`` ministry items is ignored), so the work stays about linear in
/// the number of one-sided items; the caller bounds how many items it gives (``ReconKit``'s pairing keeps at most
/// `SuspectPairing.defaultCandidateLimit` per record set).
public struct SuspectPairing: Sendable {
    /// One one-sided item: its position (seq), side, normalised key parts and core field values
    /// (raw, as stored; nil = NULL).
    public struct Item: Sendable, Hashable {
        public var seq: Int
        public var ministrySide: Bool
        public var key: [String?]
        public var values: [String?]
        /// An item.
        public init(seq: Int, ministrySide: Bool, key: [String?], values: [String?]) {
            self.seq = seq
            self.ministrySide = ministrySide
            self.key = key
            self.values = values
        }
    }

    /// A found pair with the hint shown beside both items.
    public struct Pair: Sendable, Hashable {
        public var ministrySeq: Int
        public var provinceSeq: Int
        public var hint: String
    }

    /// Share of non-NULL core fields that must agree: 4/5.
    public static let agreementNumerator = 4
    public static let agreementDenominator = 5
    /// The most one-sided items of one record set that are paired (beyond, pairing is skipped and
    /// the run says so).
    public static let defaultCandidateLimit = 20_000

    let keyLabels: [String]
    let pipelines: [NormaliserPipeline]

    /// A pairing for a record set with these key labels and one pipeline per core field.
    public init(keyLabels: [String], fieldPipelines: [NormaliserPipeline]) {
        self.keyLabels = keyLabels
        self.pipelines = fieldPipelines
    }

    /// A pairing for `recordSet` (its key labels and core fields' normalisers).
    public init(_ recordSet: RecordSetSpec) {
        self.init(keyLabels: recordSet.key.map(\.label), fieldPipelines: recordSet.fields.map { NormaliserPipeline($0.normalisers) })
    }

    /// The pairs among `items` (ministry-side and province-side items mixed, any order).
    public func pairs(_ items: [Item]) -> [Pair] {
        guard !pipelines.isEmpty else { return [] }
        let ministry = items.filter(\.ministrySide)
        let province = items.filter { !$0.ministrySide }
        guard !ministry.isEmpty, !province.isEmpty else { return [] }
        var index: [String: [Int]] = [:]
        for (position, item) in ministry.enumerated() {
            for variant in variants(item.key) { index[variant, default: []].append(position) }
        }
        struct Candidate { let m: Int; let p: Int; let agree: Int; let hint: String; let near: Bool }
        var candidates: [Candidate] = []
        for (pPosition, item) in province.enumerated() {
            var seen = Set<Int>()
            for variant in variants(item.key) {
                guard let bucket = index[variant], !(Self.isBlanked(variant) && bucket.count > Self.blankedBucketLimit) else { continue }
                for mPosition in bucket where seen.insert(mPosition).inserted {
                    let m = ministry[mPosition]
                    guard let hint = closeness(m.key, item.key), let agree = agreement(m.values, item.values) else { continue }
                    candidates.append(Candidate(m: mPosition, p: pPosition, agree: agree, hint: hint, near: hint.hasSuffix(Self.oneCharacterHint) || hint.hasSuffix("）")))
                }
            }
        }
        candidates.sort {
            if $0.agree != $1.agree { return $0.agree > $1.agree }
            if $0.near != $1.near { return $0.near }
            if ministry[$0.m].seq != ministry[$1.m].seq { return ministry[$0.m].seq < ministry[$1.m].seq }
            return province[$0.p].seq < province[$1.p].seq
        }
        var usedM = Set<Int>(), usedP = Set<Int>()
        var found: [Pair] = []
        for candidate in candidates where !usedM.contains(candidate.m) && !usedP.contains(candidate.p) {
            usedM.insert(candidate.m)
            usedP.insert(candidate.p)
            found.append(Pair(ministrySeq: ministry[candidate.m].seq, provinceSeq: province[candidate.p].seq,
                              hint: "疑似同一记录：" + candidate.hint))
        }
        return found.sorted { $0.ministrySeq < $1.ministrySeq }
    }

    /// The index entries of a key: the whole key with each character deleted in turn, and the key
    /// itself (two keys at edit distance 1 share one of these); with several parts, also the key
    /// with each part blanked in turn (marked as such, see ``isBlanked(_:)``).
    func variants(_ key: [String?]) -> [String] {
        let joined = Array(key.map(Self.text).joined(separator: "\u{0}"))
        var out = ["d" + String(joined)]
        for position in joined.indices {
            var shorter = joined
            shorter.remove(at: position)
            out.append("d" + String(shorter))
        }
        if key.count > 1 {
            for blanked in key.indices {
                out.append("b" + key.enumerated().map { $0.offset == blanked ? "\u{1}" : Self.text($0.element) }
                    .joined(separator: "\u{0}"))
            }
        }
        return out
    }

    /// Whether an index entry is a blanked-part variant.
    static func isBlanked(_ variant: String) -> Bool { variant.hasPrefix("b") }

    /// A blanked-part entry shared by more ministry items than this is no evidence on its own (the
    /// parts left, e.g. a plate colour, identify nothing).
    public static let blankedBucketLimit = 64

    /// The hint when keys `a` and `b` are close (see the type's rules), else nil.
    func closeness(_ a: [String?], _ b: [String?]) -> String? {
        guard a.count == b.count else { return nil }
        // Compared scalar by scalar: Swift's `==` on strings is canonical equivalence, which would
        // call `CAFÉ` (U+00C9) and `CAFE` + U+0301 equal and hide the pair (issue 25 case 12).
        let differing = a.indices.filter { !Self.sameScalars(a[$0], b[$0]) }
        guard let part = differing.first else { return nil }
        if differing.allSatisfy({ a[$0] == b[$0] }) {
            let label = differing.count == 1 && part < keyLabels.count ? keyLabels[part] : "关键字段"
            return label + Self.unicodeFormHint(ministry: a[part] ?? "", province: b[part] ?? "")
        }
        guard differing.count == 1 else { return nil }
        let label = part < keyLabels.count ? keyLabels[part] : "关键字段"
        let x = Array(Self.text(a[part])), y = Array(Self.text(b[part]))
        let oneCharacter = Self.isEditDistanceOne(x, y)
        if a.count == 1 { return oneCharacter ? label + Self.oneCharacterHint : nil }
        return oneCharacter && min(x.count, y.count) > 1 ? label + Self.oneCharacterHint : label + "不一致"
    }

    /// The end of a hint for a part that differs by one character.
    static let oneCharacterHint = "相差一个字符"

    /// Whether two values are the same Unicode scalars (not merely canonically equivalent).
    static func sameScalars(_ x: String?, _ y: String?) -> Bool {
        switch (x, y) {
        case (nil, nil): return true
        case let (x?, y?): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
        default: return false
        }
    }

    /// The end of a hint for key values that are canonically equivalent but written in different
    /// Unicode forms (`CAFÉ` as U+00C9 vs `E` + U+0301): `的 Unicode 编码形式不同（部级 NFC，省级 NFD）`,
    /// naming each side's form when it is NFC or NFD (else `其他`).
    static func unicodeFormHint(ministry: String, province: String) -> String {
        "的 Unicode 编码形式不同（部级 \(form(ministry))，省级 \(form(province))）"
    }

    /// `NFC`, `NFD` or `其他` (neither; a value in both forms, e.g. pure ASCII, is NFC).
    static func form(_ value: String) -> String {
        let scalars = Array(value.unicodeScalars)
        if scalars.elementsEqual(value.precomposedStringWithCanonicalMapping.unicodeScalars) { return "NFC" }
        if scalars.elementsEqual(value.decomposedStringWithCanonicalMapping.unicodeScalars) { return "NFD" }
        return "其他"
    }

    /// The number of agreeing core fields when enough agree, else nil.
    func agreement(_ a: [String?], _ b: [String?]) -> Int? {
        var compared = 0, agree = 0
        for index in pipelines.indices {
            let x = index < a.count ? a[index] : nil, y = index < b.count ? b[index] : nil
            if x == nil && y == nil { continue }
            compared += 1
            if x == y || pipelines[index].equal(x, y) { agree += 1 }
        }
        guard agree > 0, agree * Self.agreementDenominator >= compared * Self.agreementNumerator else { return nil }
        return agree
    }

    /// Whether `x` and `y` are at edit distance exactly 1 (one replacement, insertion or deletion).
    static func isEditDistanceOne(_ x: [Character], _ y: [Character]) -> Bool {
        if x.count == y.count {
            return zip(x, y).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) } == 1
        }
        let (short, long) = x.count < y.count ? (x, y) : (y, x)
        guard long.count == short.count + 1 else { return false }
        var i = 0
        while i < short.count, short[i] == long[i] { i += 1 }
        return short[i...] == long[(i + 1)...]
    }

    static func text(_ value: String?) -> String { value ?? "\u{2}" }
}
