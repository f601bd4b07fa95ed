import CLibPQ

/// The rows of a finished statement, copied out of libpq as text.
public struct QueryResult: Sendable {
    /// Column names, in order.
    public let columns: [String]
    /// The rows.
    public let rows: [Row]
    /// Rows affected by INSERT/UPDATE/DELETE/COPY (`PQcmdTuples`), 0 where not applicable.
    public let affectedRows: Int

    init(copying result: OpaquePointer) {
        let fieldCount = Int(PQnfields(result))
        let names = (0..<fieldCount).map { String(cString: PQfname(result, Int32($0))) }
        let index = ColumnIndex(names: names)
        let rowCount = Int(PQntuples(result))
        var rows: [Row] = []
        rows.reserveCapacity(rowCount)
        for r in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(fieldCount)
            for c in 0..<fieldCount {
                if PQgetisnull(result, Int32(r), Int32(c)) == 1 {
                    values.append(nil)
                } else {
                    values.append(String(cString: PQgetvalue(result, Int32(r), Int32(c))))
                }
            }
            rows.append(Row(index: index, values: values))
        }
        self.columns = names
        self.rows = rows
        self.affectedRows = Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    /// The only row; an error when there are none or several.
    public func singleRow() throws -> Row {
        guard rows.count == 1 else {
            throw PostgresError(kind: .usage, message: "expected one row, got \(rows.count)")
        }
        return rows[0]
    }
}

final class ColumnIndex: Sendable {
    let names: [String]
    let positions: [String: Int]
    init(names: [String]) {
        self.names = names
        var positions: [String: Int] = [:]
        for (i, name) in names.enumerated() where positions[name] == nil { positions[name] = i }
        self.positions = positions
    }
}

/// One row of text values with typed accessors.
public struct Row: Sendable {
    let index: ColumnIndex
    /// The values as text; `nil` is SQL NULL.
    public let values: [String?]

    /// The value at a position (`nil` is NULL).
    public subscript(_ position: Int) -> String? { values[position] }

    /// The value of a named column (`nil` is NULL or no such column).
    public subscript(_ name: String) -> String? {
        guard let i = index.positions[name] else { return nil }
        return values[i]
    }

    /// A non-NULL text value; an error naming the column otherwise.
    public func string(_ name: String) throws -> String {
        guard let i = index.positions[name] else {
            throw PostgresError(kind: .usage, message: "no column \"\(name)\" in result (have: \(index.names.joined(separator: ", ")))")
        }
        guard let value = values[i] else {
            throw PostgresError(kind: .usage, message: "column \"\(name)\" is NULL")
        }
        return value
    }

    /// A non-NULL integer value.
    public func int(_ name: String) throws -> Int {
        let text = try string(name)
        guard let value = Int(text) else {
            throw PostgresError(kind: .usage, message: "column \"\(name)\" is not an integer: \(text)")
        }
        return value
    }

    /// An integer or NULL.
    public func optionalInt(_ name: String) throws -> Int? {
        guard self[name] != nil else { return nil }
        return try int(name)
    }

    /// A boolean (`t`/`f`) value.
    public func bool(_ name: String) throws -> Bool {
        switch try string(name) {
        case "t", "true": return true
        case "f", "false": return false
        case let other: throw PostgresError(kind: .usage, message: "column \"\(name)\" is not a boolean: \(other)")
        }
    }
}
