import Foundation

/// Helpers for libpq connection strings (`key=value …` or `postgresql://…` URIs).
public enum Conninfo {
    /// The connection string with any password replaced by `***`, safe for logs and errors.
    ///
    /// Handles URIs (`postgresql://user:secret@host/db`, `?password=secret`) and keyword/value
    /// strings (`password=secret`, `password='s e c'`).
    public static func redacted(_ conninfo: String) -> String {
        let trimmed = conninfo.trimmingLeadingSpaces()
        if trimmed.hasPrefix("postgresql://") || trimmed.hasPrefix("postgres://") {
            return redactURI(trimmed)
        }
        return redactKeywordValue(conninfo)
    }

    private static func redactURI(_ uri: String) -> String {
        var text = uri
        // user:password@ in the authority part.
        if let schemeEnd = text.range(of: "://") {
            let rest = text[schemeEnd.upperBound...]
            let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
            let authority = rest[..<authorityEnd]
            if let at = authority.lastIndex(of: "@"),
               let colon = authority[..<at].firstIndex(of: ":") {
                text.replaceSubrange(text.index(after: colon)..<at, with: "***")
            }
        }
        // password=… among the query parameters.
        if let query = text.firstIndex(of: "?") {
            let head = text[...query]
            let params = text[text.index(after: query)...].split(separator: "&", omittingEmptySubsequences: false)
            let redactedParams = params.map { param -> String in
                let lower = param.lowercased()
                return lower.hasPrefix("password=") ? "password=***" : String(param)
            }
            text = head + redactedParams.joined(separator: "&")
        }
        return text
    }

    private static func redactKeywordValue(_ text: String) -> String {
        var output = ""
        var chars = Array(text)
        var i = 0
        chars.append(" ")
        while i < chars.count - 1 {
            // Find "password" as a keyword followed by optional spaces and '='.
            if matchesKeyword(chars, at: i, keyword: "password") {
                var j = i + "password".count
                while chars[j] == " " { j += 1 }
                if chars[j] == "=" {
                    j += 1
                    while chars[j] == " " { j += 1 }
                    // Skip the value: quoted with backslash escapes, or up to whitespace.
                    if chars[j] == "'" {
                        j += 1
                        while j < chars.count - 1 && chars[j] != "'" {
                            if chars[j] == "\\" { j += 1 }
                            j += 1
                        }
                        j += 1
                    } else {
                        while j < chars.count - 1 && chars[j] != " " { j += 1 }
                    }
                    output += "password=***"
                    i = min(j, chars.count - 1)
                    continue
                }
            }
            output.append(chars[i])
            i += 1
        }
        return output
    }

    private static func matchesKeyword(_ chars: [Character], at i: Int, keyword: String) -> Bool {
        if i > 0, !(chars[i - 1] == " " || chars[i - 1] == "\t") { return false }
        var k = i
        for c in keyword {
            guard k < chars.count, chars[k].lowercased() == String(c) else { return false }
            k += 1
        }
        return true
    }
}

extension String {
    fileprivate func trimmingLeadingSpaces() -> String {
        String(drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" }))
    }
}
