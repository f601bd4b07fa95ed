/// A TOML table with its entries in source order; every entry remembers the line and column of its
/// key, and the table remembers where it was defined.
public struct TOMLTable: Sendable, Equatable {
    /// How a table came to exist (the reader names tables after it in messages).
    public enum Origin: Sendable, Equatable {
        /// The document itself.
        case root
        /// A `[name]` header.
        case header
        /// An element of an array of tables, from a `[[name]]` header.
        case arrayOfTablesElement
        /// An intermediate table of a header path (`a` in `[a.b]`) never given its own header.
        case implicit
        /// A table made by a dotted key (`a` in `a.b = 1`).
        case dotted
        /// An inline table `{ … }`.
        case inline
    }

    /// One key/value pair of a table.
    public struct Entry: Sendable, Equatable {
        /// The key (one segment, unquoted: `a.b = 1` gives the entry `a` holding a table).
        public let key: String
        /// The value.
        public let value: TOMLValue
        /// The 1-based line of the key (for an array of tables: of its first `[[…]]` header).
        public let line: Int
        /// The 1-based column of the key, in Unicode scalars.
        public let column: Int

        /// An entry.
        public init(key: String, value: TOMLValue, line: Int, column: Int) {
            self.key = key
            self.value = value
            self.line = line
            self.column = column
        }
    }

    /// The entries in source order (the order in which keys were first defined).
    public let entries: [Entry]
    /// The line where the table was defined: its header, its first dotted key, its `{`, or 1 for
    /// the root.
    public let line: Int
    /// The column matching ``line``.
    public let column: Int
    /// How the table was defined.
    public let origin: Origin
    private let positions: [String: Int]

    /// A table from entries; keys must be unique (the parser guarantees it).
    public init(entries: [Entry], line: Int, column: Int, origin: Origin) {
        self.entries = entries
        self.line = line
        self.column = column
        self.origin = origin
        var positions: [String: Int] = [:]
        for (index, entry) in entries.enumerated() where positions[entry.key] == nil {
            positions[entry.key] = index
        }
        self.positions = positions
    }

    /// The keys in source order.
    public var keys: [String] { entries.map(\.key) }

    /// The entry for a key, or `nil`.
    public func entry(_ key: String) -> Entry? {
        positions[key].map { entries[$0] }
    }

    /// The value for a key, or `nil`.
    public subscript(key: String) -> TOMLValue? {
        entry(key)?.value
    }

    /// The value at a path of keys (`["record_set", "name"]` is not a path through arrays: arrays
    /// stop the walk and give `nil`).
    public subscript(path path: [String]) -> TOMLValue? {
        guard let first = path.first, let value = self[first] else { return nil }
        if path.count == 1 { return value }
        guard case .table(let table) = value else { return nil }
        return table[path: Array(path.dropFirst())]
    }

    /// Equal when entries, position and origin are equal (the key index is derived).
    public static func == (lhs: TOMLTable, rhs: TOMLTable) -> Bool {
        lhs.entries == rhs.entries && lhs.line == rhs.line && lhs.column == rhs.column
            && lhs.origin == rhs.origin
    }
}
