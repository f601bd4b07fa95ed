import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ReconPortal
import Testing

/// `GET /api/lists/{id}` is spliced from PostgreSQL's text (`ItemsPageJSON`): whole items as the
/// API has always given them — every key, NULL members left out (also inside `fields` and `rows`),
/// strings escaped — and the page envelope.
@Suite("Portal items JSON from stored text")
struct PortalItemsJSONTests {
    /// The JSON text of `value` with sorted keys, to compare documents whatever their key order.
    func canonical(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test func wholeItemsWithNullsLeftOut() async throws {
        let fixture = try PortalFixture("pitemjson", henanItems: 4, henanMismatch: true)
        let list = String(fixture.henanList)
        try fixture.results.execute("""
            UPDATE recon.list_items SET reuploaded_at = '2025-10-16 10:00+08', reupload_kind = 'reupload', on_time = false
            WHERE list_id = $1 AND item_no = 3
            """, [list])
        try fixture.results.execute("""
            UPDATE recon.list_items SET key_text = E'引号" 反斜杠\\\\ 制表\\t', rows_total = 1, suspect_item_no = 3,
                   suspect_hint = '疑似同一记录：车牌颜色不一致',
                   rows = '[{"side": "ministry", "values": [{"column": "plate_number", "label": "车牌号码", "value": "豫A10004"}, {"column": "owner", "label": "业户名称", "value": null}]}]'
            WHERE list_id = $1 AND item_no = 4
            """, [list])
        try fixture.results.execute("""
            UPDATE recon.list_items SET fields = '[{"column": "vehicle_type", "label": "车辆类型", "ministry": "货车", "province": null}]'
            WHERE list_id = $1 AND item_no = 5
            """, [list])
        let expected: [[String: Any]] = [
            ["itemNo": 3, "recordSet": "vehicles", "key": "豫A10003 / 2", "category": "ministry_only", "ministryCount": 1,
             "provinceCount": 0, "reuploadedAt": "2025-10-16T10:00:00+08:00", "reuploadKind": "reupload", "onTime": false,
             "resolved": false, "status": "late", "statusLabel": "逾期上传（仍不一致）", "fields": [] as [Any], "rows": [] as [Any],
             "rowsTotal": 0],
            ["itemNo": 4, "recordSet": "vehicles", "key": "引号\" 反斜杠\\ 制表\t", "category": "ministry_only", "ministryCount": 1,
             "provinceCount": 0, "resolved": false, "status": "pending", "statusLabel": "待整改（期限内）", "fields": [] as [Any],
             "rows": [["side": "ministry", "values": [["column": "plate_number", "label": "车牌号码", "value": "豫A10004"],
                                                      ["column": "owner", "label": "业户名称"]]]],
             "rowsTotal": 1, "suspectItemNo": 3, "suspectHint": "疑似同一记录：车牌颜色不一致"],
            ["itemNo": 5, "recordSet": "vehicles", "key": "豫B00001 / 2", "category": "field_mismatch", "ministryCount": 1,
             "provinceCount": 1, "resolved": false, "status": "pending", "statusLabel": "待整改（期限内）",
             "fields": [["column": "vehicle_type", "label": "车辆类型", "ministry": "货车"]], "rows": [] as [Any], "rowsTotal": 0],
        ]
        let page2 = try canonical(Array(expected[1...])), late = try canonical([expected[0]])
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/api/lists/\(list)?size=3&page=2", method: .get, headers: bearer(fixture.henanToken)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(response.headers[.contentLength] == String(response.body.readableBytes))
                let body = try json(response)
                #expect((body["total"] as? NSNumber)?.intValue == 5 && (body["page"] as? NSNumber)?.intValue == 2)
                #expect((body["size"] as? NSNumber)?.intValue == 3 && (body["pages"] as? NSNumber)?.intValue == 2)
                let listObject = try #require(body["list"] as? [String: Any])
                #expect((listObject["id"] as? NSNumber)?.int64Value == fixture.henanList && listObject["provinceName"] as? String == "河南省")
                let items = try #require(body["items"] as? [Any])
                // Items 4 and 5 of 3 per page are page 2; item 3 is checked on page 1 below.
                #expect(try canonical(items) == page2)
            }
            try await client.execute(uri: "/api/lists/\(list)?status=late", method: .get, headers: bearer(fixture.henanToken)) { response in
                let items = try #require(try json(response)["items"] as? [Any])
                #expect(try canonical(items) == late)
            }
            // An empty selection is an empty array, not null.
            try await client.execute(uri: "/api/lists/\(list)?status=overdue", method: .get, headers: bearer(fixture.henanToken)) { response in
                #expect(String(buffer: response.body).hasSuffix("\"items\":[]}"))
            }
            // HEAD: the same headers, no body.
            try await client.execute(uri: "/api/lists/\(list)", method: .head, headers: bearer(fixture.henanToken)) { response in
                #expect(response.status == .ok && response.body.readableBytes == 0)
                #expect(Int(response.headers[.contentLength] ?? "") ?? 0 > 0)
            }
        }
    }
}
