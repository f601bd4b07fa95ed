import Foundation

/// The stored documents of an item (`recon.list_items.fields_json` and `rows_json`) as
/// `JSONDecoder` reads them: several times faster than `JSONSerialization`, which builds a
/// dictionary of `Any` per object (most of the HTML items page's time; README "Benchmarks").
/// Read as leniently as before: a member that is missing, NULL or not a string is nil.
enum StoredItemDocuments {
    static let decoder = JSONDecoder()

    /// A string member, or nil when it is missing, NULL or of another type.
    struct Text: Decodable {
        let value: String?
        init(from decoder: any Decoder) throws { value = try? decoder.singleValueContainer().decode(String.self) }
    }

    struct Field: Decodable {
        let column: Text?, label: Text?, ministry: Text?, province: Text?
    }

    struct Value: Decodable {
        let column: Text?, label: Text?, value: Text?
    }

    struct Row: Decodable {
        let side: Text?
        let values: [Value]?
    }

    static func fields(_ text: String) throws -> [Field] { try decoder.decode([Field].self, from: Data(text.utf8)) }
    static func rows(_ text: String) throws -> [Row] { try decoder.decode([Row].self, from: Data(text.utf8)) }
}
