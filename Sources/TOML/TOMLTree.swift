/// The mutable tables the parser builds before handing out immutable ``TOMLTable`` values.
/// Headers and dotted keys reopen tables defined earlier, which reference semantics make simple.
final class TOMLNodeTable {
    /// A key's content and where the key was written.
    struct Item {
        var node: TOMLNode
        var position: TOMLPosition
    }

    /// How the table was defined (drives the redefinition rules).
    var origin: TOMLTable.Origin
    /// Where it was defined (updated when an implicit table gets its own header).
    var position: TOMLPosition
    /// The keys from the root, for names like `[a.b]` (empty for the root).
    let keyPath: [String]
    /// For tables inside inline tables or literal arrays: the value path, e.g. `record_set.fields[0]`.
    let inlinePath: String?
    private(set) var keys: [String] = []
    private(set) var items: [String: Item] = [:]

    /// A table.
    init(origin: TOMLTable.Origin, position: TOMLPosition, keyPath: [String], inlinePath: String? = nil) {
        self.origin = origin
        self.position = position
        self.keyPath = keyPath
        self.inlinePath = inlinePath
    }

    /// The item for a key.
    subscript(key: String) -> Item? { items[key] }

    /// Adds a key that is not there yet.
    func insert(_ key: String, _ node: TOMLNode, at position: TOMLPosition) {
        precondition(items[key] == nil, "TOML key inserted twice: \(key)")
        keys.append(key)
        items[key] = Item(node: node, position: position)
    }

    /// The path of a value under this table: `results.dsn`, `record_set.fields[0].label`.
    func valuePath(_ more: [String]) -> String {
        let base = inlinePath ?? TOMLSyntax.path(keyPath)
        let tail = TOMLSyntax.path(more)
        if base.isEmpty { return tail }
        return tail.isEmpty ? base : base + "." + tail
    }

    /// Where the table is, for messages: `at the top level`, `in [results]`, `in [[record_set]]`,
    /// `in inline table record_set.fields[0]`.
    var place: String {
        if let inlinePath { return "in inline table \(inlinePath)" }
        switch origin {
        case .root: return "at the top level"
        case .arrayOfTablesElement: return "in [[\(TOMLSyntax.path(keyPath))]]"
        default: return "in [\(TOMLSyntax.path(keyPath))]"
        }
    }

    /// The immutable table.
    func freeze() -> TOMLTable {
        let entries = keys.map { key in
            let item = items[key]!
            return TOMLTable.Entry(key: key, value: item.node.frozen, line: item.position.line,
                                   column: item.position.column)
        }
        return TOMLTable(entries: entries, line: position.line, column: position.column, origin: origin)
    }
}

/// An array built from `[[name]]` headers; more elements may be appended by later headers.
final class TOMLNodeTableArray {
    /// The elements, one per header.
    private(set) var tables: [TOMLNodeTable] = []
    /// Where the first header is.
    let position: TOMLPosition

    /// An empty array of tables.
    init(position: TOMLPosition) { self.position = position }

    /// Adds an element.
    func append(_ table: TOMLNodeTable) { tables.append(table) }

    /// The immutable array.
    func freeze() -> TOMLArray {
        TOMLArray(
            elements: tables.map {
                TOMLArray.Element(value: .table($0.freeze()), line: $0.position.line, column: $0.position.column)
            },
            isArrayOfTables: true, line: position.line, column: position.column)
    }
}

/// What a key holds while parsing.
enum TOMLNode {
    /// A finished value: scalar, literal array or inline table (none may be extended).
    case value(TOMLValue)
    /// A table that headers or dotted keys may still extend.
    case table(TOMLNodeTable)
    /// An array of tables that `[[…]]` headers may still extend.
    case tableArray(TOMLNodeTableArray)

    /// The immutable value.
    var frozen: TOMLValue {
        switch self {
        case .value(let value): value
        case .table(let table): .table(table.freeze())
        case .tableArray(let array): .array(array.freeze())
        }
    }

    /// The type with an article, for messages.
    var typeDescription: String {
        switch self {
        case .value(.table): "an inline table"
        case .value(let value): value.typeDescription
        case .table: "a table"
        case .tableArray: "an array of tables"
        }
    }
}
