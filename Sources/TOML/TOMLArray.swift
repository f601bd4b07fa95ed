/// A TOML array whose elements remember their source line and column.
public struct TOMLArray: Sendable, Equatable {
    /// One element with its position.
    public struct Element: Sendable, Equatable {
        /// The value.
        public let value: TOMLValue
        /// The 1-based line where the element starts (for an array of tables: its `[[…]]` header).
        public let line: Int
        /// The 1-based column where the element starts.
        public let column: Int

        /// An element.
        public init(value: TOMLValue, line: Int, column: Int) {
            self.value = value
            self.line = line
            self.column = column
        }
    }

    /// The elements in order.
    public let elements: [Element]
    /// `true` when built from `[[name]]` headers, `false` for a literal `[ … ]`.
    public let isArrayOfTables: Bool
    /// The line of the opening `[` (or of the first `[[…]]` header).
    public let line: Int
    /// The column matching ``line``.
    public let column: Int

    /// An array.
    public init(elements: [Element], isArrayOfTables: Bool, line: Int, column: Int) {
        self.elements = elements
        self.isArrayOfTables = isArrayOfTables
        self.line = line
        self.column = column
    }

    /// The values without positions.
    public var values: [TOMLValue] { elements.map(\.value) }

    /// The number of elements.
    public var count: Int { elements.count }
}
