import Testing
@testable import ReconRules

/// issue 15: suspected same records (疑似同一记录) — a 部有省无 and a 省有部无 item whose keys differ
/// in one part or by one character and whose core fields mostly agree.
@Suite("Suspected same record pairing")
struct SuspectPairingTests {
    let vehicles = SuspectPairing(keyLabels: ["车牌号码", "车牌颜色代码"],
                                  fieldPipelines: Array(repeating: NormaliserPipeline([.trim]), count: 5))
    let people = SuspectPairing(keyLabels: ["从业资格证号"], fieldPipelines: Array(repeating: NormaliserPipeline([.trim]), count: 5))
    let fields: [String?] = ["LSVAB1234CD567890", "K33", "3", "410102", "郑州市运管处"]

    func item(_ seq: Int, ministry: Bool, _ key: [String?], _ values: [String?]? = nil) -> SuspectPairing.Item {
        SuspectPairing.Item(seq: seq, ministrySide: ministry, key: key, values: values ?? fields)
    }

    @Test("a colour swap and a plate typo are paired with their hints")
    func vehiclePairs() {
        let pairs = self.vehicles.pairs([
            item(1, ministry: true, ["豫A12345", "94"]), item(2, ministry: false, ["豫A12345", "5"]),
            item(3, ministry: true, ["豫B88888", "2"]), item(4, ministry: false, ["豫B8O888", "2"]),
        ])
        #expect(pairs.map(\.ministrySeq) == [1, 3])
        #expect(pairs.map(\.provinceSeq) == [2, 4])
        #expect(pairs.map(\.hint) == ["疑似同一记录：车牌颜色代码不一致", "疑似同一记录：车牌号码相差一个字符"])
    }

    @Test("a one-part key pairs at edit distance 1 only", arguments: [
        ("410102196707138123", "410102196707138124", true),   // replaced
        ("410102196707138123", "41010219670713812", true),    // deleted
        ("410102196707138123", "4101021967071381234", true),  // inserted
        ("410102196707138123", "410102196707138132", false),  // transposed: distance 2
        ("410102196707138123", "410102196707138123", false),  // equal keys are no pair
    ])
    func editDistance(m: String, p: String, paired: Bool) {
        let pairs = people.pairs([item(1, ministry: true, [m]), item(2, ministry: false, [p])])
        #expect(pairs.count == (paired ? 1 : 0))
        if paired { #expect(pairs.first?.hint == "疑似同一记录：从业资格证号相差一个字符") }
    }

    @Test("fields must mostly agree (4 of 5 non-NULL fields)")
    func fieldsAgree() {
        var oneOff = fields
        oneOff[1] = "K99"
        var twoOff = oneOff
        twoOff[2] = "9"
        #expect(people.pairs([item(1, ministry: true, ["A1"]), item(2, ministry: false, ["A2"], oneOff)]).count == 1)
        #expect(people.pairs([item(1, ministry: true, ["A1"]), item(2, ministry: false, ["A2"], twoOff)]).isEmpty)
        // NULL on both sides is not compared; normalised values are compared.
        let spaced: [String?] = [" LSVAB1234CD567890 ", "K33", "3", nil, nil]
        let bare: [String?] = ["LSVAB1234CD567890", "K33", "3", nil, nil]
        #expect(people.pairs([item(1, ministry: true, ["A1"], spaced), item(2, ministry: false, ["A2"], bare)]).count == 1)
        // Every value NULL: nothing agrees, no pair.
        let empty: [String?] = [nil, nil, nil, nil, nil]
        #expect(people.pairs([item(1, ministry: true, ["A1"], empty), item(2, ministry: false, ["A2"], empty)]).isEmpty)
    }

    @Test("each item is paired once, best agreement first, whatever the input order")
    func pairedOnce() {
        var close = fields
        close[4] = "别处"
        let items = [item(1, ministry: true, ["豫A12345", "2"]), item(2, ministry: false, ["豫A12345", "1"], close),
                     item(3, ministry: false, ["豫A12345", "5"])]
        let forward = vehicles.pairs(items), backward = vehicles.pairs(items.reversed())
        #expect(forward.count == 1 && forward.first?.provinceSeq == 3)
        #expect(forward == backward)
    }

    @Test("keys differing in two parts, or items on one side only, are never paired")
    func notPaired() {
        #expect(vehicles.pairs([item(1, ministry: true, ["豫A12345", "2"]), item(2, ministry: false, ["豫A12346", "1"])]).isEmpty)
        #expect(vehicles.pairs([item(1, ministry: true, ["豫A12345", "2"]), item(2, ministry: true, ["豫A12345", "1"])]).isEmpty)
        let noFields = SuspectPairing(keyLabels: ["证号"], fieldPipelines: [])
        #expect(noFields.pairs([item(1, ministry: true, ["A1"], []), item(2, ministry: false, ["A2"], [])]).isEmpty)
    }

    @Test("a part value shared by many one-sided items is no evidence alone; a one-character typo still is")
    func commonPartsBounded() {
        var items: [SuspectPairing.Item] = []
        for n in 0..<(SuspectPairing.blankedBucketLimit + 10) {
            items.append(item(n, ministry: true, ["豫A\(10000 + n)", "2"]))
        }
        items.append(item(1000, ministry: false, ["豫Z99999", "2"]))   // same colour, plate unrelated
        items.append(item(1001, ministry: false, ["豫A1O003", "2"]))   // typo of 豫A10003
        let pairs = vehicles.pairs(items)
        #expect(pairs.map(\.provinceSeq) == [1001])
        #expect(pairs.first?.ministrySeq == 3)
    }
    /// issue 25 case 12: `CAFÉ` as U+00C9 and `CAFE` + U+0301 are two differences (the key bytes
    /// differ) but one record written in two Unicode forms: paired, the hint naming the forms.
    @Test("keys equal under canonical equivalence are paired, the hint naming the Unicode forms")
    func unicodeFormsPair() {
        let nfc = "CAF\u{C9}", nfd = "CAFE\u{301}"
        let one = people.pairs([item(1, ministry: true, [nfc]), item(2, ministry: false, [nfd])])
        #expect(one.map(\.provinceSeq) == [2])
        #expect(one.first?.hint == "疑似同一记录：从业资格证号的 Unicode 编码形式不同（部级 NFC，省级 NFD）")
        let two = vehicles.pairs([item(1, ministry: true, ["豫A12345", "2"]), item(2, ministry: false, ["豫A12345", "94"]),
                                  item(3, ministry: true, ["\u{8C6B}B\u{E9}1", "2"]), item(4, ministry: false, ["\u{8C6B}Be\u{301}1", "2"])])
        #expect(two.map(\.ministrySeq) == [1, 3])
        #expect(two.last?.hint == "疑似同一记录：车牌号码的 Unicode 编码形式不同（部级 NFC，省级 NFD）")
        // The other way round.
        let back = people.pairs([item(1, ministry: true, [nfd]), item(2, ministry: false, [nfc])])
        #expect(back.first?.hint == "疑似同一记录：从业资格证号的 Unicode 编码形式不同（部级 NFD，省级 NFC）")
        #expect(SuspectPairing.form("ABC") == "NFC")
    }
}
