/// The TOML 1.0 rules for where tables and keys may be defined:
/// - a table is defined once: by one `[header]`, or by dotted keys, or inline (never extended);
/// - `[a.b]` may pass through tables of any kind but inline ones, and through the last element
///   of an array of tables; an implicit `a` may get its own `[a]` header later;
/// - dotted keys may only extend tables that dotted keys created;
/// - `[[a]]` appends to an array of tables, never to a literal array.
extension TOMLParser {
    /// Makes `[keys]` the defined table, creating implicit parents.
    mutating func defineTable(_ keys: [TOMLKeySegment], header: TOMLPosition) throws -> TOMLNodeTable {
        let name = "[\(TOMLSyntax.path(keys.map(\.name)))]"
        let parent = try walkHeaderPrefix(keys, header: name)
        let last = keys[keys.count - 1]
        guard let item = parent[last.name] else {
            let table = TOMLNodeTable(origin: .header, position: header, keyPath: parent.keyPath + [last.name])
            parent.insert(last.name, .table(table), at: last.position)
            return table
        }
        switch item.node {
        case .table(let table) where table.origin == .implicit:
            table.origin = .header
            table.position = header
            return table
        case .table(let table) where table.origin == .dotted:
            throw scanner.error("table \(name) was already defined by dotted keys on line \(table.position.line); a table is defined only once", at: header)
        case .table(let table):
            throw scanner.error("table \(name) is defined twice (first on line \(table.position.line))", at: header)
        case .tableArray(let array):
            throw scanner.error("\(name) is an array of tables (first [[\(TOMLSyntax.path(keys.map(\.name)))]] on line \(array.position.line)); it cannot also be a table", at: header)
        case .value:
            throw scanner.error("cannot define table \(name): key \"\(TOMLSyntax.path(keys.map(\.name)))\" is already \(item.node.typeDescription) (line \(item.position.line))", at: header)
        }
    }

    /// Appends a new element to the array of tables `[[keys]]` and returns it.
    mutating func appendArrayElement(_ keys: [TOMLKeySegment], header: TOMLPosition) throws -> TOMLNodeTable {
        let path = TOMLSyntax.path(keys.map(\.name))
        let parent = try walkHeaderPrefix(keys, header: "[[\(path)]]")
        let last = keys[keys.count - 1]
        let array: TOMLNodeTableArray
        if let item = parent[last.name] {
            switch item.node {
            case .tableArray(let existing):
                array = existing
            case .table(let table):
                throw scanner.error("cannot define array of tables [[\(path)]]: [\(path)] is already a table (line \(table.position.line))", at: header)
            case .value(.array):
                throw scanner.error("cannot append to [[\(path)]]: key \"\(path)\" is a literal array (line \(item.position.line)), which cannot be extended", at: header)
            case .value:
                throw scanner.error("cannot define array of tables [[\(path)]]: key \"\(path)\" is already \(item.node.typeDescription) (line \(item.position.line))", at: header)
            }
        } else {
            array = TOMLNodeTableArray(position: last.position)
            parent.insert(last.name, .tableArray(array), at: last.position)
        }
        let element = TOMLNodeTable(origin: .arrayOfTablesElement, position: header, keyPath: parent.keyPath + [last.name])
        array.append(element)
        return element
    }

    /// The parent table of a header's last key, creating implicit tables on the way.
    private func walkHeaderPrefix(_ keys: [TOMLKeySegment], header: String) throws -> TOMLNodeTable {
        var table = root
        for (index, segment) in keys.dropLast().enumerated() {
            guard let item = table[segment.name] else {
                let child = TOMLNodeTable(origin: .implicit, position: segment.position,
                                          keyPath: table.keyPath + [segment.name])
                table.insert(segment.name, .table(child), at: segment.position)
                table = child
                continue
            }
            switch item.node {
            case .table(let child):
                table = child
            case .tableArray(let array):
                table = array.tables[array.tables.count - 1]
            case .value:
                let path = TOMLSyntax.path(keys[...index].map(\.name))
                throw scanner.error("cannot define \(header): key \"\(path)\" is already \(item.node.typeDescription) (line \(item.position.line))", at: segment.position)
            }
        }
        return table
    }

    /// Puts a value at a (possibly dotted) key of `table`, creating dotted tables on the way.
    mutating func insert(_ value: TOMLValue, at keys: [TOMLKeySegment], into table: TOMLNodeTable) throws {
        var target = table
        for (index, segment) in keys.dropLast().enumerated() {
            let path = TOMLSyntax.path(keys[...index].map(\.name))
            guard let item = target[segment.name] else {
                let child = TOMLNodeTable(
                    origin: .dotted, position: segment.position, keyPath: target.keyPath + [segment.name],
                    inlinePath: target.inlinePath.map { $0 + "." + TOMLSyntax.key(segment.name) })
                target.insert(segment.name, .table(child), at: segment.position)
                target = child
                continue
            }
            switch item.node {
            case .table(let child) where child.origin == .dotted:
                target = child
            case .table(let child):
                let how = child.origin == .implicit ? "created by the header" : "defined by the header"
                throw scanner.error("cannot add to table \"\(path)\" with a dotted key: it was \(how) on line \(child.position.line); write the key under its own header", at: segment.position)
            case .tableArray, .value:
                throw scanner.error("cannot use \"\(path)\" as a table: it is already \(item.node.typeDescription) (line \(item.position.line))", at: segment.position)
            }
        }
        let last = keys[keys.count - 1]
        if let existing = target[last.name] {
            throw scanner.error("duplicate key \"\(TOMLSyntax.path(keys.map(\.name)))\" \(table.place) (first defined on line \(existing.position.line))", at: last.position)
        }
        target.insert(last.name, .value(value), at: last.position)
    }
}
