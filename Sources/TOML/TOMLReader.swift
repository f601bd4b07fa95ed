/// A typed view of a table for mapping a configuration: required and optional getters whose errors
/// name the file, the line, the key and the table, and ``finish()`` which reports every key that
/// was never read (`recon.toml:14: unknown key "tabel" in [[record_set]] (did you mean "table"?)`).
///
/// Copies share what has been read; the reader for a sub-table is made once per key, so
/// ``finish()`` on the root checks the whole document.
public struct TOMLReader: Sendable {
    /// One step from the root to a table.
    enum PathComponent: Sendable, Equatable {
        /// A key.
        case key(String)
        /// An element of an array; `ofTables` when the array came from `[[…]]` headers.
        case element(Int, ofTables: Bool)
    }

    /// The table read.
    public let table: TOMLTable
    /// The file name used in errors.
    public let fileName: String
    /// The steps from the document root to this table.
    let path: [PathComponent]
    /// What has been read.
    let tracker: TOMLReadTracker

    /// A reader for a document's root table.
    public init(_ table: TOMLTable, fileName: String) {
        self.init(table: table, fileName: fileName, path: [])
    }

    /// A reader for a table at a path.
    init(table: TOMLTable, fileName: String, path: [PathComponent]) {
        self.table = table
        self.fileName = fileName
        self.path = path
        self.tracker = TOMLReadTracker()
    }

    /// Parses a document and returns a reader for its root.
    public static func parse(_ text: String, fileName: String) throws -> TOMLReader {
        TOMLReader(try TOMLDocument.parse(text, fileName: fileName), fileName: fileName)
    }

    /// Reads and parses a file and returns a reader for its root (errors name `displayName`,
    /// default the path).
    public static func parse(contentsOfFile path: String, displayName: String? = nil) throws -> TOMLReader {
        TOMLReader(try TOMLDocument.parse(contentsOfFile: path, displayName: displayName),
                   fileName: displayName ?? path)
    }

    /// The table's name in messages: `[results]`, `[[record_set]]`, `fields[0] in [[record_set]]`,
    /// or `the top level`.
    public var name: String { TOMLReader.name(of: path) }

    /// `in [results]`, …, or `at the top level`.
    public var place: String { path.isEmpty ? "at the top level" : "in \(name)" }

    /// The line where the table was defined (`nil` for the root, which is the whole file).
    public var line: Int? { path.isEmpty ? nil : table.line }

    /// The keys of the table in source order.
    public var keys: [String] { table.keys }

    /// Whether the table has a key (does not count as reading it).
    public func contains(_ key: String) -> Bool { table.entry(key) != nil }

    /// The line of a key, when present.
    public func line(of key: String) -> Int? { table.entry(key)?.line }

    /// The raw value of a key, counted as read; `nil` when absent.
    public func value(_ key: String) -> TOMLValue? { entry(key)?.value }

    /// Counts keys as read without looking at them (accepted but ignored keys).
    public func markRead(_ keys: String...) {
        for key in keys { tracker.request(key) }
    }

    /// The entry for a key, counted as read.
    func entry(_ key: String) -> TOMLTable.Entry? {
        tracker.request(key)
        return table.entry(key)
    }

    /// A reader for the inline table at `key[index]` of this table (messages name
    /// `key[index] in <this table>`, e.g. `key[0] in [[record_set]]`).
    public func inlineTable(_ table: TOMLTable, inArray key: String, at index: Int) -> TOMLReader {
        child(table, .key(key), .element(index, ofTables: false))
    }

    /// A reader for the inline table that is the value of `key` (messages name `key in <this table>`).
    public func inlineTable(_ table: TOMLTable, at key: String) -> TOMLReader {
        child(table, .key(key), .element(0, ofTables: false))
    }

    /// A reader for a sub-table at a step from this one.
    func child(_ table: TOMLTable, _ steps: PathComponent...) -> TOMLReader {
        TOMLReader(table: table, fileName: fileName, path: path + steps)
    }

    /// The message name of a path: bracketed key path while only keys and `[[…]]` elements lead
    /// there; from the first element of a literal array on, a value path followed by
    /// `in <table>`.
    static func name(of path: [PathComponent]) -> String {
        guard !path.isEmpty else { return "the top level" }
        if let literal = path.firstIndex(where: { if case .element(_, false) = $0 { true } else { false } }) {
            let split = max(0, literal - 1)
            var tail = ""
            for component in path[split...] {
                switch component {
                case .key(let key): tail += (tail.isEmpty ? "" : ".") + TOMLSyntax.key(key)
                case .element(let index, _): tail += "[\(index)]"
                }
            }
            return split == 0 ? tail : "\(tail) in \(name(of: Array(path[..<split])))"
        }
        let keys = path.compactMap { if case .key(let key) = $0 { key } else { nil } }
        if case .element = path.last { return "[[\(TOMLSyntax.path(keys))]]" }
        return "[\(TOMLSyntax.path(keys))]"
    }
}
