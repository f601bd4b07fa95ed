import Foundation
import PostgresClient
import ReconKit
import ReconRules
@testable import ReconSample
import ReconTestSupport
import Testing

/// `recon sample reupload --list`: the items of an issued list are read from the results database.
@Suite("Sample re-upload from a list")
struct ReuploadListTests {
    @Test func readsTheListsItemsInKeyColumnOrder() throws {
        let db = try TestDatabase("sample_lists")
        let c = try db.connect()
        try Migrator(connection: c).apply()
        try c.executeSimple("""
            INSERT INTO recon.provinces (code, name) VALUES ('410000', '河南省');
            INSERT INTO recon.runs (id, province_code, status, record_sets) VALUES (7, '410000', 'completed', '{operators,vehicles}');
            INSERT INTO recon.lists (id, run_id, province_code, quarter, issued_at, deadline, calendar_version, item_count)
            VALUES (3, 7, '410000', '2025Q3', '2025-09-30 10:00:00+08', '2025-10-15 00:00:00+08', 'test', 3);
            """)
        let items: [(String, [String], [String?])] = [
            ("vehicles", ["plate_number", "plate_colour"], ["豫A12345", "2"]),
            ("operators", ["licence_no"], ["410100000001"]),
            ("vehicles", ["plate_number", "plate_colour"], [nil, "94"]),
        ]
        for (number, (set, columns, values)) in items.enumerated() {
            try c.execute("""
                INSERT INTO recon.list_items (list_id, item_no, record_set, key_text, key_values, category, ministry_count, province_count, fields)
                VALUES (3, $1, $2, $3, $4::jsonb, 'ministry_only', 1, 0, '[]')
                """, [String(number + 1), set, values.map { $0 ?? "" }.joined(separator: " / "),
                      DifferenceJSON.keyValues(columns: columns.reversed(), values: values.reversed())])
        }
        let list = try ReuploadList.load(id: 3, results: c, recordSets: RecordSetSpec.reference)
        #expect(list.province == "410000")
        #expect(list.issuedAt == (try BeijingTime.parseTimestamp("2025-09-30T10:00:00+08:00")))
        #expect(list.items == [
            ReuploadItem(recordSet: "vehicles", keyValues: ["豫A12345", "2"]),
            ReuploadItem(recordSet: "operators", keyValues: ["410100000001"]),
            ReuploadItem(recordSet: "vehicles", keyValues: [nil, "94"]),
        ])
        #expect(throws: SampleError.self) { try ReuploadList.load(id: 4, results: c, recordSets: RecordSetSpec.reference) }
    }
}
