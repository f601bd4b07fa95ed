/// Typed getters. A required getter throws "missing key" (at the table's line) when the key is
/// absent; every getter throws "must be …, found …" (at the key's line) for a wrong type.
extension TOMLReader {
    /// A required string.
    public func string(_ key: String) throws -> String {
        try scalar(try required(key), "a string", \.stringValue)
    }

    /// An optional string.
    public func optionalString(_ key: String) throws -> String? {
        try entry(key).map { try scalar($0, "a string", \.stringValue) }
    }

    /// A required integer.
    public func int(_ key: String) throws -> Int {
        try scalar(try required(key), "an integer", \.integerValue)
    }

    /// An optional integer.
    public func optionalInt(_ key: String) throws -> Int? {
        try entry(key).map { try scalar($0, "an integer", \.integerValue) }
    }

    /// A required boolean.
    public func bool(_ key: String) throws -> Bool {
        try scalar(try required(key), "a boolean", \.boolValue)
    }

    /// An optional boolean.
    public func optionalBool(_ key: String) throws -> Bool? {
        try entry(key).map { try scalar($0, "a boolean", \.boolValue) }
    }

    /// A required array of strings (possibly empty).
    public func stringArray(_ key: String) throws -> [String] {
        try strings(try required(key))
    }

    /// An optional array of strings.
    public func optionalStringArray(_ key: String) throws -> [String]? {
        try entry(key).map(strings)
    }

    /// A required table (`[key]`, `key = { … }` or dotted keys).
    public func table(_ key: String) throws -> TOMLReader {
        try subTable(try required(key))
    }

    /// An optional table.
    public func optionalTable(_ key: String) throws -> TOMLReader? {
        try entry(key).map(subTable)
    }

    /// A required array of tables (`[[key]]` headers or `key = [ { … }, … ]`, possibly empty).
    public func tables(_ key: String) throws -> [TOMLReader] {
        try tableList(try required(key))
    }

    /// An optional array of tables.
    public func optionalTables(_ key: String) throws -> [TOMLReader]? {
        try entry(key).map(tableList)
    }

    /// The entry for a key that must be present.
    func required(_ key: String) throws -> TOMLTable.Entry {
        if let found = entry(key) { return found }
        var message = "missing key \"\(key)\" \(place)"
        let others = table.entries.filter { !tracker.wasRequested($0.key) }
        if let near = TOMLSuggestion.closest(to: key, among: others.map(\.key)),
           let nearEntry = table.entry(near) {
            message += " (is \"\(near)\" on line \(nearEntry.line) a misspelling?)"
        }
        throw TOMLError(fileName: fileName, line: line, message: message)
    }

    private func scalar<T>(_ entry: TOMLTable.Entry, _ expected: String, _ get: (TOMLValue) -> T?) throws -> T {
        guard let value = get(entry.value) else { throw typeMismatch(entry, expected: expected) }
        return value
    }

    private func strings(_ entry: TOMLTable.Entry) throws -> [String] {
        guard case .array(let array) = entry.value else {
            throw typeMismatch(entry, expected: "an array of strings")
        }
        return try array.elements.enumerated().map { index, element in
            guard case .string(let text) = element.value else {
                throw TOMLError(fileName: fileName, line: element.line,
                                message: "\(elementName(entry.key, index)) must be a string, found \(element.value.typeDescription)")
            }
            return text
        }
    }

    private func subTable(_ entry: TOMLTable.Entry) throws -> TOMLReader {
        if let kept = tracker.cachedTable(entry.key) { return kept }
        guard case .table(let table) = entry.value else {
            throw typeMismatch(entry, expected: "a table")
        }
        return tracker.keepTable(entry.key, child(table, .key(entry.key)))
    }

    private func tableList(_ entry: TOMLTable.Entry) throws -> [TOMLReader] {
        if let kept = tracker.cachedTableList(entry.key) { return kept }
        guard case .array(let array) = entry.value else {
            throw typeMismatch(entry, expected: "an array of tables")
        }
        let readers = try array.elements.enumerated().map { index, element in
            guard case .table(let table) = element.value else {
                throw TOMLError(fileName: fileName, line: element.line,
                                message: "\(elementName(entry.key, index)) must be a table, found \(element.value.typeDescription)")
            }
            return child(table, .key(entry.key), .element(index, ofTables: array.isArrayOfTables))
        }
        return tracker.keepTableList(entry.key, readers)
    }
}
