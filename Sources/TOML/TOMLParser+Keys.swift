/// One segment of a (possibly dotted) key with where it was written.
struct TOMLKeySegment {
    /// The key text, unquoted.
    var name: String
    /// Where the segment starts.
    var position: TOMLPosition
}

extension TOMLParser {
    /// Parses a key: bare (`A-Za-z0-9_-`) or quoted segments joined by dots, with optional
    /// whitespace around the dots; consumes trailing whitespace.
    mutating func parseKey() throws -> [TOMLKeySegment] {
        var segments: [TOMLKeySegment] = []
        while true {
            scanner.skipWhitespace()
            let position = scanner.position
            let name: String
            switch scanner.peek() {
            case "\"":
                guard !scanner.looksAt("\"\"\"") else {
                    throw scanner.error("a key cannot be a multi-line string")
                }
                name = try parseBasicString()
            case "'":
                guard !scanner.looksAt("'''") else {
                    throw scanner.error("a key cannot be a multi-line string")
                }
                name = try parseLiteralString()
            case let scalar? where TOMLSyntax.isBareKeyScalar(scalar):
                var bare = String.UnicodeScalarView()
                while let next = scanner.peek(), TOMLSyntax.isBareKeyScalar(next) {
                    bare.append(next)
                    scanner.advance()
                }
                name = String(bare)
            default:
                let hint = segments.isEmpty ? "" : " after '.'"
                throw scanner.error("expected a key\(hint), found \(scanner.describeNext()) (bare keys may use A-Z a-z 0-9 _ -; quote other keys)")
            }
            segments.append(TOMLKeySegment(name: name, position: position))
            scanner.skipWhitespace()
            guard scanner.peek() == "." else { return segments }
            scanner.advance()
        }
    }
}
