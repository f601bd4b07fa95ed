/// "Did you mean …?" for misspelt keys: the closest candidate by optimal-string-alignment distance
/// (Levenshtein plus adjacent transpositions, so `tabel` → `table` is one edit), ignoring case.
enum TOMLSuggestion {
    /// The candidate closest to `word`, when it is close enough: at most one edit per three
    /// characters of the candidate and at least one, but none for one- or two-letter candidates
    /// (where one edit is a different word) beyond a change of case. Ties go to the earlier
    /// candidate.
    static func closest(to word: String, among candidates: [String]) -> String? {
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let distance = self.distance(word.lowercased(), candidate.lowercased())
            let length = candidate.unicodeScalars.count
            guard distance <= (length <= 2 ? 0 : max(1, length / 3)) else { continue }
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// The optimal-string-alignment distance between two strings, over Unicode scalars.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // rows[i][j]: distance between a[..<i] and b[..<j]
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, rows[i - 2][j - 2] + 1)
                }
                rows[i][j] = value
            }
        }
        return rows[a.count][b.count]
    }
}
