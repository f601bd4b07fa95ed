import Foundation
import Testing
import PostgresClient
import ReconTestSupport
@testable import ReconKit
@testable import ReconRules

/// issue 15: every item locatable from its row (the existing side's core fields, one row per
/// duplicated row, the empty-key row's fields) and suspected same records (疑似同一记录) paired,
/// stored, numbered side by side in the list and shown in its rows.
@Suite("Item rows and suspected same records")
struct ItemRowsAndSuspectsTests {
    typealias E2E = ReconcileEndToEndTests

    @Test("rows and pairs reach the differences, the list items and the list's rows")
    func rowsAndPairs() throws {
        let dbs = try DiffDatabases("rows")
        let ministry: [[String?]] = [
            E2E.v("豫A20001", "2", vin: "LVSHCAMB1CE100001"),          // typo at the province
            E2E.v("豫B30001", "94", vin: "LVSHCAMB1CE100002"),         // colour swap at the province
            E2E.v("豫C40001", "2", vin: "LVSHCAMB1CE100003"),          // duplicated at the province
            E2E.v("豫D50001", "2", vin: "LVSHCAMB1CE100004"),          // only here, nothing like it there
            E2E.v(nil, "1", vin: "LVSHCAMB1CE100005", issuer: "洛阳市运管处"),  // empty key
        ]
        let province: [[String?]] = [
            E2E.v("豫A2O001", "2", vin: "LVSHCAMB1CE100001"),
            E2E.v("豫B30001", "5", vin: "LVSHCAMB1CE100002"),
            E2E.v("豫C40001", "2", vin: "LVSHCAMB1CE100003"), E2E.v("豫C40001", "2", vin: "LVSHCAMB1CE100033"),
            E2E.v("豫E60001", "2", vin: "LVSHCAMB1CE999999", length: "9000", seats: "5", mass: "2000", region: "410300",
                  date: "2020-01-01", issuer: "别处"),
        ]
        try dbs.loadMinistry("vehicles", columns: E2E.columns, rows: ministry)
        try dbs.loadProvince("vehicles", columns: E2E.columns, rows: province)
        let outcome = try Reconciler(sources: dbs.sources, provinceCode: "410000", provinceName: "河南省",
                                     recordSets: [.vehicles], options: DiffDatabases.options).run()
        #expect(outcome.sets.first?.suspectPairs == 2)
        let results = try dbs.results.connect()
        let stored = try results.execute("""
            SELECT d.seq, d.key_text, d.category, d.rows_total, jsonb_array_length(d.rows) AS kept,
                   d.rows -> 0 ->> 'side' AS side0, (SELECT v ->> 'value' FROM jsonb_array_elements(d.rows -> 0 -> 'values') v
                                                    WHERE v ->> 'column' = 'vin') AS vin0,
                   (SELECT v ->> 'value' FROM jsonb_array_elements(d.rows -> 1 -> 'values') v WHERE v ->> 'column' = 'vin') AS vin1,
                   s.key_text AS suspect_key, d.suspect_hint
            FROM recon.differences d LEFT JOIN recon.differences s
                 ON s.run_id = d.run_id AND s.record_set = d.record_set AND s.seq = d.suspect_seq
            WHERE d.run_id = $1 ORDER BY d.seq
            """, [String(outcome.runID)]).rows
        func row(_ key: String) throws -> Row { try #require(stored.first { $0["key_text"] == key }, "no difference \(key)") }

        // The existing side's core fields.
        #expect(try row("豫D50001 / 2")["side0"] == "ministry")
        #expect(try row("豫D50001 / 2")["vin0"] == "LVSHCAMB1CE100004")
        #expect(try row("豫E60001 / 2")["side0"] == "province")
        // One row per duplicated row, with its values.
        let duplicate = try row("豫C40001 / 2")
        #expect(duplicate["category"] == "duplicate_key" && duplicate["kept"] == "3" && duplicate["rows_total"] == "3")
        #expect(duplicate["vin0"] == "LVSHCAMB1CE100003")  // the ministry's row first
        // The empty key's row: its other fields find it.
        let empty = try row("(空) / 1")
        #expect(empty["category"] == "empty_key" && empty["vin0"] == "LVSHCAMB1CE100005")
        // Pairs, both ways, with their hints; nothing else paired.
        #expect(try row("豫A20001 / 2")["suspect_key"] == "豫A2O001 / 2")
        #expect(try row("豫A2O001 / 2")["suspect_key"] == "豫A20001 / 2")
        #expect(try row("豫A20001 / 2")["suspect_hint"] == "疑似同一记录：车牌号码相差一个字符")
        #expect(try row("豫B30001 / 94")["suspect_key"] == "豫B30001 / 5")
        #expect(try row("豫B30001 / 5")["suspect_hint"] == "疑似同一记录：车牌颜色代码不一致")
        #expect(stored.filter { $0["suspect_key"] != nil }.count == 4)
        // A field mismatch keeps no rows (its fields carry both values).
        #expect(stored.allSatisfy { $0["category"] != "field_mismatch" || $0["kept"] == "0" })

        // The list: pairs side by side in 序号, each naming the other.
        let list = try ListIssuer(connection: results).issue(runID: outcome.runID).list
        let items = try results.execute("""
            SELECT item_no, key_text, suspect_item_no FROM recon.list_items WHERE list_id = $1 ORDER BY item_no
            """, [String(list.id)]).rows
        let typo = try #require(items.first { $0["key_text"] == "豫A20001 / 2" })
        let typoNo = try #require(Int(typo["item_no"] ?? ""))
        let partner = try #require(items.first { $0["key_text"] == "豫A2O001 / 2" })
        #expect(partner["item_no"] == String(typoNo + 1) && partner["suspect_item_no"] == String(typoNo))
        #expect(typo["suspect_item_no"] == String(typoNo + 1))

        // The list's rows: one per duplicated row, sides and positions named, content readable.
        var rows: [ListRow] = []
        try ListRowStream(connection: results).forEachRow(listID: list.id) { rows.append($0) }
        let duplicateRows = rows.filter { $0.keyText == "豫C40001 / 2" }
        #expect(duplicateRows.count == 3)
        #expect(duplicateRows.map { $0.record.map { "\($0.side.rawValue) \($0.number)/\($0.of)" } ?? "" }
                == ["ministry 1/1", "province 1/2", "province 2/2"])
        let formatter = ListRowFormatter(list: list, recordSets: [.vehicles], now: list.issuedAt)
        let csv = formatter.rawCSVFields(try #require(duplicateRows.last))
        #expect(csv[ListColumn.recordSide.rawValue] == "省级系统 第2/2条")
        #expect(csv[ListColumn.recordContent.rawValue]?.contains("车辆识别代号(VIN)：LVSHCAMB1CE100033") == true)
        #expect(csv[ListColumn.keyPart1.rawValue] == "豫C40001" && csv[ListColumn.keyPart2.rawValue] == "2")
        let typoRow = try #require(rows.first { $0.keyText == "豫A20001 / 2" })
        let typoCSV = formatter.rawCSVFields(typoRow)
        #expect(typoCSV[ListColumn.suspectHint.rawValue] == "疑似同一记录：车牌号码相差一个字符")
        #expect(typoCSV[ListColumn.suspectItemNo.rawValue] == String(typoNo + 1))
        #expect(typoCSV[ListColumn.recordSide.rawValue] == "部级系统")
        let emptyRow = try #require(rows.first { $0.category == "empty_key" })
        #expect(formatter.rawCSVFields(emptyRow)[ListColumn.keyPart1.rawValue] == "(空)")
        #expect(formatter.rawCSVFields(emptyRow)[ListColumn.recordContent.rawValue]?.contains("洛阳市运管处") == true)
    }
    /// issue 25 case 12: the rows of a duplicate-key item keep their 第i/n条 numbering when the
    /// same rows are stored in another physical order and reconciled again.
    @Test("a duplicate item's rows keep their numbering when the rows are stored in another order")
    func rowOrderSurvivesAnotherPhysicalOrder() throws {
        let dbs = try DiffDatabases("roworder")
        let ministry = [E2E.v("豫C40001", "2", vin: "LVSHCAMB1CE100003")]
        let province = ["LVSHCAMB1CE100077", "LVSHCAMB1CE100011", "LVSHCAMB1CE100055", "LVSHCAMB1CE100033"]
            .map { E2E.v("豫C40001", "2", vin: $0) }
        try dbs.loadMinistry("vehicles", columns: E2E.columns, rows: ministry)
        func numbering(_ rows: [[String?]]) throws -> [String] {
            try dbs.province.connect().execute("TRUNCATE vehicles")
            try dbs.loadProvince("vehicles", columns: E2E.columns, rows: rows)
            let outcome = try Reconciler(sources: dbs.sources, provinceCode: "410000", provinceName: "河南省",
                                         recordSets: [.vehicles], options: DiffDatabases.options).run()
            let results = try dbs.results.connect()
            let list = try ListIssuer(connection: results).issue(runID: outcome.runID).list
            var shown: [String] = []
            try ListRowStream(connection: results).forEachRow(listID: list.id) { row in
                guard let record = row.record else { return }
                let vin = record.values.first { $0.column == "vin" }?.value ?? "?"
                shown.append("\(record.side.rawValue) \(record.number)/\(record.of) \(vin)")
            }
            return shown
        }
        let first = try numbering(province)
        let second = try numbering(Array(province.reversed()))
        #expect(first == second)
        #expect(first == ["ministry 1/1 LVSHCAMB1CE100003", "province 1/4 LVSHCAMB1CE100011", "province 2/4 LVSHCAMB1CE100033",
                          "province 3/4 LVSHCAMB1CE100055", "province 4/4 LVSHCAMB1CE100077"])
    }

    /// issue 25 case 12: a plate stored as NFC at the ministry and NFD at the province is two
    /// differences (the bytes differ) and one suspected same record, its hint naming the forms.
    @Test("keys in two Unicode forms are two differences and one suspected pair")
    func unicodeFormsArePaired() throws {
        let dbs = try DiffDatabases("nfcpair")
        let nfc = "豫A\u{C9}0001", nfd = "豫AE\u{301}0001"
        try dbs.loadMinistry("vehicles", columns: E2E.columns, rows: [E2E.v(nfc, "2", vin: "LVSHCAMB1CE100001")])
        try dbs.loadProvince("vehicles", columns: E2E.columns, rows: [E2E.v(nfd, "2", vin: "LVSHCAMB1CE100001")])
        let outcome = try Reconciler(sources: dbs.sources, provinceCode: "410000", provinceName: "河南省",
                                     recordSets: [.vehicles], options: DiffDatabases.options).run()
        #expect(outcome.sets.first?.counts.differingKeys == 2)
        #expect(outcome.sets.first?.suspectPairs == 1)
        let hints = try dbs.results.connect().execute("""
            SELECT category, suspect_hint FROM recon.differences WHERE run_id = $1 ORDER BY seq
            """, [String(outcome.runID)]).rows.map { "\($0["category"] ?? "") \($0["suspect_hint"] ?? "none")" }
        #expect(hints.sorted() == ["ministry_only 疑似同一记录：车牌号码的 Unicode 编码形式不同（部级 NFC，省级 NFD）",
                                   "province_only 疑似同一记录：车牌号码的 Unicode 编码形式不同（部级 NFC，省级 NFD）"])
    }
}
