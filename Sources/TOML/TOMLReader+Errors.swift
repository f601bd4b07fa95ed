/// Errors about keys and tables, and the final check for keys nobody read.
extension TOMLReader {
    /// An error about a key's value that the TOML layer cannot know (a bad code, a value out of
    /// range): `key "code" in [[province]]: <message>` at the key's line (the table's line when
    /// the key is absent); with `element`, about that element of an array key:
    /// `normalise[1] in fields[0] in [[record_set]]: <message>` at the element's line.
    public func error(at key: String, element: Int? = nil, _ message: String) -> TOMLError {
        let found = table.entry(key)
        if let element, case .array(let array)? = found?.value, array.elements.indices.contains(element) {
            return TOMLError(fileName: fileName, line: array.elements[element].line,
                             message: "\(elementName(key, element)): \(message)")
        }
        let subject = element.map { elementName(key, $0) } ?? "key \"\(key)\" \(place)"
        return TOMLError(fileName: fileName, line: found?.line ?? line, message: "\(subject): \(message)")
    }

    /// An error about the table as a whole: `[[province]]: <message>` at the table's line (just
    /// the message, for the whole file, at the top level).
    public func error(_ message: String) -> TOMLError {
        TOMLError(fileName: fileName, line: line, message: path.isEmpty ? message : "\(name): \(message)")
    }

    /// One error per key never read here or in any sub-table reader handed out, in line order:
    /// `unknown key "tabel" in [[record_set]] (did you mean "table"?)` at the key's line.
    public func unknownKeyErrors() -> [TOMLError] {
        unknownKeys().sorted { ($0.line, $0.column) < ($1.line, $1.column) }.map(\.error)
    }

    /// The unknown-key errors with the key positions (columns order keys on one line).
    private func unknownKeys() -> [(line: Int, column: Int, error: TOMLError)] {
        var found: [(line: Int, column: Int, error: TOMLError)] = []
        let candidates = tracker.requestedKeys
        for entry in table.entries where !tracker.wasRequested(entry.key) {
            var message = "unknown key \"\(entry.key)\" \(place)"
            if let suggestion = TOMLSuggestion.closest(to: entry.key, among: candidates) {
                message += " (did you mean \"\(suggestion)\"?)"
            }
            found.append((entry.line, entry.column, TOMLError(fileName: fileName, line: entry.line, message: message)))
        }
        for child in tracker.children {
            found += child.unknownKeys()
        }
        return found
    }

    /// Throws the first (by line) unknown-key error of this table and every sub-table reader
    /// handed out; call it on the root once the whole configuration has been mapped.
    public func finish() throws {
        if let first = unknownKeyErrors().first { throw first }
    }

    /// `key "dsn" in [results] must be a string, found an integer`, at the key's line.
    func typeMismatch(_ entry: TOMLTable.Entry, expected: String) -> TOMLError {
        TOMLError(fileName: fileName, line: entry.line,
                  message: "key \"\(entry.key)\" \(place) must be \(expected), found \(entry.value.typeDescription)")
    }

    /// `normalise[1] in fields[0] in [[record_set]]`, `hosts[0] at the top level`.
    func elementName(_ key: String, _ index: Int) -> String {
        "\(TOMLSyntax.key(key))[\(index)] \(place)"
    }
}
