import CLibPQ

/// libpq's own connection-string parser and keyword table, wrapped so that no C pointer leaves
/// this file.
enum LibPQConninfo {
    /// The options `text` sets, parsed by `PQconninfoParse` (no defaults, no service file).
    static func parse(_ text: String) throws(ConninfoError) -> [Conninfo.Option] {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let parsed = PQconninfoParse(text, &errorMessage) else {
            defer { if let errorMessage { PQfreemem(errorMessage) } }
            let raw = errorMessage.map { String(cString: $0) } ?? "out of memory"
            throw .unparseable(maskingQuotedExcerpts(of: raw.trimmingTrailingNewlines()))
        }
        defer { PQconninfoFree(parsed) }
        return options(of: parsed)
    }

    /// The secret values a (possibly failed) connection was attempted with, from `PQconninfo`:
    /// these include a password taken from `PGPASSWORD` or a service file.
    static func secretValues(of connection: OpaquePointer) -> [String] {
        guard let used = PQconninfo(connection) else { return [] }
        defer { PQconninfoFree(used) }
        return options(of: used).filter(\.isSecret).map(\.value)
    }

    /// The non-secret options a connection was opened with (keyword → value), from `PQconninfo`.
    static func usedOptions(of connection: OpaquePointer) -> [String: String] {
        guard let used = PQconninfo(connection) else { return [:] }
        defer { PQconninfoFree(used) }
        return Dictionary(options(of: used).filter { !$0.isSecret }.map { ($0.keyword, $0.value) }) { $1 }
    }

    /// Every keyword this libpq knows (from `PQconndefaults`).
    static let keywords: Set<String> = {
        guard let defaults = PQconndefaults() else { return [] }
        defer { PQconninfoFree(defaults) }
        var names: Set<String> = []
        var entry = defaults
        while let keyword = entry.pointee.keyword {
            names.insert(String(cString: keyword))
            entry += 1
        }
        return names
    }()

    private static func options(of array: UnsafeMutablePointer<PQconninfoOption>) -> [Conninfo.Option] {
        var result: [Conninfo.Option] = []
        var entry = array
        while let keyword = entry.pointee.keyword {
            if let value = entry.pointee.val {
                let name = String(cString: keyword)
                let dispchar = entry.pointee.dispchar.map { String(cString: $0) } ?? ""
                result.append(Conninfo.Option(keyword: name, value: String(cString: value),
                                              isSecret: Conninfo.isSecretKeyword(name, dispchar: dispchar)))
            }
            entry += 1
        }
        return result
    }

    /// libpq's parse errors quote the offending piece of the string (`missing "=" after
    /// "POSTGRESQL://u:secret@h"`); every quoted piece that is not a libpq keyword becomes `***`.
    static func maskingQuotedExcerpts(of message: String) -> String {
        var output = ""
        var rest = Substring(message)
        while let open = rest.firstIndex(of: "\"") {
            output += rest[...open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].lastIndex(of: "\"") else {
                output += Conninfo.mask
                return output
            }
            // The excerpt may itself contain quotes: take everything up to the last quote of a
            // libpq-style "…" pair, unless the piece up to the next quote is a keyword.
            let next = rest[afterOpen...].firstIndex(of: "\"")!
            let short = String(rest[afterOpen..<next])
            if keywords.contains(short) || short == "=" {
                output += short + "\""
                rest = rest[rest.index(after: next)...]
            } else {
                output += Conninfo.mask + "\""
                rest = rest[rest.index(after: close)...]
            }
        }
        return output + rest
    }
}
