import Foundation
import Testing
@testable import TOML

// MARK: - Helpers

/// Parses `text` as `recon.toml`, recording an issue on failure.
private func tomlParsed(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> TOMLTable {
    do {
        return try TOMLDocument.parse(text, fileName: "recon.toml")
    } catch {
        Issue.record("unexpected parse error: \(error)", sourceLocation: sourceLocation)
        return TOMLTable(entries: [], line: 0, column: 0, origin: .root)
    }
}

/// The parse error of `text`, recording an issue when it parses.
private func tomlParseError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> TOMLError? {
    do {
        let table = try TOMLDocument.parse(text, fileName: "recon.toml")
        Issue.record("expected an error, parsed \(table)", sourceLocation: sourceLocation)
        return nil
    } catch let error as TOMLError {
        return error
    } catch {
        Issue.record("unexpected error type: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The error thrown by `body`, recording an issue when it succeeds.
private func tomlThrown<T>(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> T) -> TOMLError? {
    do {
        let value = try body()
        Issue.record("expected an error, got \(value)", sourceLocation: sourceLocation)
        return nil
    } catch let error as TOMLError {
        return error
    } catch {
        Issue.record("unexpected error type: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

// MARK: - Values

@Suite("TOML values")
struct TOMLValueTests {
    @Test func commentsBlankLinesBOMAndCRLF() {
        let table = tomlParsed("\u{FEFF}# head comment\r\n\r\n  a = 1 # trailing\r\n\t# indented comment\nb = \"x#y\" #c\n")
        #expect(table.description == #"{a = 1, b = "x#y"}"#)
        #expect(table.entry("a")?.line == 3)
        #expect(table.entry("a")?.column == 3)
        #expect(table.entry("b")?.line == 5)
        #expect(tomlParsed("").entries.isEmpty)
        #expect(tomlParsed("# only a comment").entries.isEmpty)
        #expect(tomlParsed("\u{FEFF}").entries.isEmpty)
    }

    @Test func bareAndQuotedKeys() {
        let table = tomlParsed(#"""
        bare_key-1 = 1
        1234 = 2
        true = 3
        "车辆识别代号" = "VIN"
        '营运 车辆' = 4
        "quoted \"key\"" = 5
        "" = 6
        "a.b" = 7
        """#)
        #expect(table.keys == ["bare_key-1", "1234", "true", "车辆识别代号", "营运 车辆", #"quoted "key""#, "", "a.b"])
        #expect(table["车辆识别代号"] == .string("VIN"))
        #expect(table["营运 车辆"] == .integer(4))
        #expect(table["a.b"] == .integer(7))
        #expect(table[#"quoted "key""#] == .integer(5))
        #expect(table[""] == .integer(6))
    }

    @Test func dottedKeys() {
        let table = tomlParsed(#"""
        a.b.c = 1
        a . b . d = 2
        a."名 称" = "x"
        'p'.q = true
        site."google.com" = true
        """#)
        #expect(table.description == #"{a = {b = {c = 1, d = 2}, "名 称" = "x"}, p = {q = true}, site = {"google.com" = true}}"#)
        #expect(table[path: ["a", "b", "d"]] == .integer(2))
        #expect(table[path: ["site", "google.com"]] == .bool(true))
        let a = table["a"]?.tableValue
        #expect(a?.origin == .dotted)
        #expect(a?.line == 1)
        #expect(a?.entry("名 称")?.line == 3)
        #expect(a?.entry("名 称")?.column == 3)
    }

    @Test func basicStringEscapes() {
        let table = tomlParsed(#"""
        s = "tab\there \"q\" back\\slash\nnew \b\f\r end"
        u = "\u6CB3\u5357\u7701 \u00e9 \U0001F600 \u0041"
        plain = "河南省 营运车辆"
        empty = ""
        tab = "a	b"
        """#)
        #expect(table["s"] == .string("tab\there \"q\" back\\slash\nnew \u{08}\u{0C}\r end"))
        #expect(table["u"] == .string("河南省 é 😀 A"))
        #expect(table["plain"] == .string("河南省 营运车辆"))
        #expect(table["empty"] == .string(""))
        #expect(table["tab"] == .string("a\tb"))
    }

    @Test func literalStrings() {
        let table = tomlParsed(#"""
        path = 'C:\Users\recon\n'
        quoted = 'say "hi"'
        regex = '<\i\c*\s*>'
        empty = ''
        """#)
        #expect(table["path"] == .string(#"C:\Users\recon\n"#))
        #expect(table["quoted"] == .string(#"say "hi""#))
        #expect(table["regex"] == .string(#"<\i\c*\s*>"#))
        #expect(table["empty"] == .string(""))
    }

    @Test func multiLineBasicStrings() {
        let text = "a = \"\"\"\nfirst\n  second\\tx\n\"\"\"\n"
            + "b = \"\"\"one \\\n      two \\   \n\n   three\"\"\"\n"
            + "c = \"\"\"quote \"inside\" \"\" here\"\"\"\n"
            + "d = \"\"\"ends with quotes\"\"\"\"\"\n"
            + "e = \"\"\"crlf\r\nline\"\"\"\n"
            + "f = \"\"\"\"\"\"\n"
        let table = tomlParsed(text)
        #expect(table["a"] == .string("first\n  second\tx\n"))
        #expect(table["b"] == .string("one two three"))
        #expect(table["c"] == .string("quote \"inside\" \"\" here"))
        #expect(table["d"] == .string("ends with quotes\"\""))
        #expect(table["e"] == .string("crlf\nline"))
        #expect(table["f"] == .string(""))
        // lines keep counting through multi-line strings
        #expect(table.entry("b")?.line == 5)
        #expect(table.entry("c")?.line == 9)
        #expect(table.entry("f")?.line == 13)
    }

    @Test func multiLineLiteralStrings() {
        let text = "a = '''\nC:\\raw\\n \"x\"\n'''\nb = '''it''s''''\nc = '''one\n  two'''\n"
        let table = tomlParsed(text)
        #expect(table["a"] == .string("C:\\raw\\n \"x\"\n"))
        #expect(table["b"] == .string("it''s'"))
        #expect(table["c"] == .string("one\n  two"))
        #expect(table.entry("c")?.line == 5)
    }

    @Test func integers() {
        let table = tomlParsed("""
        a = 42
        b = +99
        c = -17
        d = 0
        e = -0
        f = 1_000_000
        g = 9223372036854775807
        h = -9223372036854775808
        i = 0xDEAD_beef
        j = 0o755
        k = 0b1101_0101
        l = +0
        """)
        let expected: [(String, Int)] = [
            ("a", 42), ("b", 99), ("c", -17), ("d", 0), ("e", 0), ("f", 1_000_000),
            ("g", 9_223_372_036_854_775_807), ("h", -9_223_372_036_854_775_807 - 1),
            ("i", 3_735_928_559), ("j", 493), ("k", 213), ("l", 0),
        ]
        for (key, value) in expected {
            #expect(table[key] == .integer(value), "key \(key)")
        }
    }

    @Test func booleans() {
        let table = tomlParsed("yes = true\nno = false")
        #expect(table["yes"] == .bool(true))
        #expect(table["no"] == .bool(false))
    }

    @Test func arrays() {
        let table = tomlParsed(#"""
        empty = []
        ints = [1, 2, 3]
        nested = [[1, 2], ["a", 'b'], [[]]]
        mixed = [1, "two", true, { x = 1 }]
        multi = [
          "trim",   # first
          # a comment line
          "upper",
        ]
        spaced = [ 1 , 2 , ]
        """#)
        #expect(table["empty"]?.arrayValue?.count == 0)
        #expect(table["ints"]?.description == "[1, 2, 3]")
        #expect(table["nested"]?.description == #"[[1, 2], ["a", "b"], [[]]]"#)
        #expect(table["mixed"]?.description == #"[1, "two", true, {x = 1}]"#)
        #expect(table["multi"]?.description == #"["trim", "upper"]"#)
        #expect(table["spaced"]?.description == "[1, 2]")
        let multi = table["multi"]?.arrayValue
        #expect(multi?.line == 5)
        #expect(multi?.elements.map(\.line) == [6, 8])
        #expect(multi?.elements.map(\.column) == [3, 3])
        #expect(multi?.isArrayOfTables == false)
    }

    @Test func inlineTables() {
        let table = tomlParsed(#"""
        empty = {}
        point = { x = 1, y = -2 }
        nested = { a = { b = "c" }, list = [1,
          2] }
        dotted = { a.b = 1, a.c = 2, "名".x = true }
        fields = [ { column = "vin", label = "车辆识别代号", normalise = ["trim", "upper"] } ]
        """#)
        #expect(table["empty"]?.description == "{}")
        #expect(table["point"]?.description == "{x = 1, y = -2}")
        #expect(table["nested"]?.description == #"{a = {b = "c"}, list = [1, 2]}"#)
        #expect(table["dotted"]?.description == "{a = {b = 1, c = 2}, 名 = {x = true}}".replacingOccurrences(of: "名", with: "\"名\""))
        #expect(table["fields"]?.description == #"[{column = "vin", label = "车辆识别代号", normalise = ["trim", "upper"]}]"#)
        #expect(table["point"]?.tableValue?.origin == .inline)
        #expect(table["point"]?.tableValue?.column == 9)
        #expect(table.entry("dotted")?.line == 5)
    }

    @Test func tablesAndHeaders() {
        let table = tomlParsed(#"""
        top = 1
        [results]
        dsn = "a"
        [ a . "b c" ]
        x = 1
        [a]
        y = 2
        [a.d.e]
        z = 3
        [fruit]
        apple.color = "red"
        [fruit.apple.texture]
        smooth = true
        """#)
        #expect(table.description == #"{top = 1, results = {dsn = "a"}, a = {"b c" = {x = 1}, y = 2, d = {e = {z = 3}}}, fruit = {apple = {color = "red", texture = {smooth = true}}}}"#)
        let a = table["a"]?.tableValue
        #expect(a?.origin == .header)
        #expect(a?.line == 6)  // the implicit table got its own header on line 6
        #expect(table.entry("a")?.line == 4)  // the key first appeared in [a."b c"]
        #expect(a?[path: ["d"]]?.tableValue?.origin == .implicit)
        #expect(a?[path: ["d"]]?.tableValue?.line == 8)
        #expect(table["results"]?.tableValue?.line == 2)
        #expect(table["results"]?.tableValue?.origin == .header)
        #expect(table.origin == .root)
    }

    @Test func arraysOfTables() {
        let table = tomlParsed(#"""
        [[province]]
        code = "410000"
        [[province]]
        code = "420000"
        [province.extra]
        k = 1
        [[province.contact]]
        name = "x"
        [[province.contact]]
        name = "y"

        [[ record_set ]]
        name = "vehicles"
        """#)
        #expect(table.description == #"{province = [{code = "410000"}, {code = "420000", extra = {k = 1}, contact = [{name = "x"}, {name = "y"}]}], record_set = [{name = "vehicles"}]}"#)
        let provinces = table["province"]?.arrayValue
        #expect(provinces?.isArrayOfTables == true)
        #expect(provinces?.elements.map(\.line) == [1, 3])
        #expect(provinces?.elements.map { $0.value.tableValue?.origin } == [.arrayOfTablesElement, .arrayOfTablesElement])
        #expect(provinces?.line == 1)
        #expect(provinces?.column == 3)
        #expect(table.entry("record_set")?.line == 12)
        #expect(table["province"]?.typeDescription == "an array of tables")
    }

    @Test func implicitParentOfAnArrayOfTablesMayGetAHeaderLater() {
        let table = tomlParsed("[[a.b]]\nx = 1\n[a]\ny = 2\n[[a.b]]\nx = 2")
        #expect(table.description == "{a = {b = [{x = 1}, {x = 2}], y = 2}}")
        #expect(table["a"]?.tableValue?.line == 3)
    }

    @Test func mutatedDocumentsParseOrFailWithALineInTheFile() {
        // A fixed pseudo-random generator (64-bit LCG) so the test is the same on every run.
        var state: UInt64 = 0x5EED_1599
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let base = Array(tomlSampleConfig.unicodeScalars)
        let pieces: [String] = ["\"", "'", "[", "]", "{", "}", ",", "=", ".", "\n", "#", "\\", "\"\"\"", "'''",
                                "1.5", "_", " ", "\r", "\u{0}", "河"]
        for _ in 0..<1500 {
            var scalars = base
            for _ in 0..<(1 + next(3)) {
                let at = next(scalars.count)
                switch next(3) {
                case 0: scalars.remove(at: at)
                case 1: scalars.insert(contentsOf: pieces[next(pieces.count)].unicodeScalars, at: at)
                default: scalars[at] = pieces[next(pieces.count)].unicodeScalars.first!
                }
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            let lineCount = text.unicodeScalars.filter { $0 == "\n" }.count + 1
            do {
                _ = try TOMLDocument.parse(text, fileName: "recon.toml")
            } catch let error as TOMLError {
                #expect(error.line.map { (1...lineCount).contains($0) } == true, "\(error)")
                #expect(error.column.map { $0 >= 1 } == true, "\(error)")
            } catch {
                Issue.record("unexpected error type: \(error)")
            }
        }
    }

    @Test func keysKeepSourceOrder() {
        let table = tomlParsed("z = 1\na = 2\nm.b = 3\nm.a = 4\n[k]\n[b]")
        #expect(table.keys == ["z", "a", "m", "k", "b"])
        #expect(table["m"]?.tableValue?.keys == ["b", "a"])
    }

    @Test func descriptionEscapes() {
        let value = TOMLValue.string("a\"b\\c\nd\u{01}")
        #expect(value.description == #""a\"b\\c\nd\u0001""#)
        #expect(TOMLValue.table(tomlParsed(#""x y" = 1"#)).description == #"{"x y" = 1}"#)
    }

    @Test func utf8BytesAndFiles() throws {
        let bytes = Array("\u{FEFF}name = \"河南省\"\n".utf8)
        #expect(try TOMLDocument.parse(utf8: bytes, fileName: "recon.toml")["name"] == .string("河南省"))

        let invalid: [UInt8] = Array("a = 1\nb = \"".utf8) + [0xFF, 0x22]
        #expect(throws: TOMLError(fileName: "recon.toml", line: 2, message: "invalid UTF-8 (a TOML file must be UTF-8 encoded)")) {
            try TOMLDocument.parse(utf8: invalid, fileName: "recon.toml")
        }

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("toml-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("recon.toml")
        try Data("x = 1\ny = 2.5\n".utf8).write(to: file)
        let error = tomlThrown { try TOMLDocument.parse(contentsOfFile: file.path, displayName: "recon.toml") }
        #expect(error?.description.hasPrefix("recon.toml:2:5: floating-point number 2.5 is not supported here") == true)
        let missing = tomlThrown { try TOMLDocument.parse(contentsOfFile: directory.appendingPathComponent("none.toml").path) }
        #expect(missing?.line == nil)
        #expect(missing?.description.hasSuffix("none.toml: cannot read the file") == true)
    }
}

// MARK: - Syntax and structure errors

/// A document that must be rejected, the line and column of the error, and a piece of its message.
struct TOMLBadDocument: CustomTestStringConvertible, Sendable {
    let text: String
    let line: Int
    let column: Int
    let message: String
    var testDescription: String { message }
}

@Suite("TOML errors")
struct TOMLErrorTests {
    static let structure: [TOMLBadDocument] = [
        .init(text: "a = 1\na = 2", line: 2, column: 1,
              message: #"duplicate key "a" at the top level (first defined on line 1)"#),
        .init(text: "[t]\nx = 1\n\nx = 2", line: 4, column: 1,
              message: #"duplicate key "x" in [t] (first defined on line 2)"#),
        .init(text: "a.b = 1\na.b = 2", line: 2, column: 3,
              message: #"duplicate key "a.b" at the top level (first defined on line 1)"#),
        .init(text: "[[p]]\nx = 1\nx = 2", line: 3, column: 1,
              message: #"duplicate key "x" in [[p]] (first defined on line 2)"#),
        .init(text: "[a]\nx = 1\n[b]\n[a]", line: 4, column: 1,
              message: "table [a] is defined twice (first on line 1)"),
        .init(text: "[a.b]\n[a.b]", line: 2, column: 1,
              message: "table [a.b] is defined twice (first on line 1)"),
        .init(text: "[a.b]\n[a]\n[a]", line: 3, column: 1,
              message: "table [a] is defined twice (first on line 2)"),
        .init(text: "a.b = 1\n[a]", line: 2, column: 1,
              message: "table [a] was already defined by dotted keys on line 1"),
        .init(text: "[fruit]\napple.color = 'red'\n\n[fruit.apple]", line: 4, column: 1,
              message: "table [fruit.apple] was already defined by dotted keys on line 2"),
        .init(text: "[a.b]\nx = 1\n[a]\nb.y = 2", line: 4, column: 1,
              message: #"cannot add to table "b" with a dotted key: it was defined by the header on line 1"#),
        .init(text: "[a.b.c]\n[a]\nb.y = 2", line: 3, column: 1,
              message: #"cannot add to table "b" with a dotted key: it was created by the header on line 1"#),
        .init(text: "[[a]]\n[a]", line: 2, column: 1,
              message: "[a] is an array of tables (first [[a]] on line 1); it cannot also be a table"),
        .init(text: "[a]\n[[a]]", line: 2, column: 1,
              message: "cannot define array of tables [[a]]: [a] is already a table (line 1)"),
        .init(text: "a = [1]\n[[a]]", line: 2, column: 1,
              message: #"cannot append to [[a]]: key "a" is a literal array (line 1), which cannot be extended"#),
        .init(text: "a = 1\n[[a]]", line: 2, column: 1,
              message: #"cannot define array of tables [[a]]: key "a" is already an integer (line 1)"#),
        .init(text: "a = 1\n[a]", line: 2, column: 1,
              message: #"cannot define table [a]: key "a" is already an integer (line 1)"#),
        .init(text: "a = 'x'\n\n[a.b]", line: 3, column: 2,
              message: #"cannot define [a.b]: key "a" is already a string (line 1)"#),
        .init(text: "a = { x = 1 }\n[a.b]", line: 2, column: 2,
              message: #"cannot define [a.b]: key "a" is already an inline table (line 1)"#),
        .init(text: "a = { x = 1 }\n[a]", line: 2, column: 1,
              message: #"cannot define table [a]: key "a" is already an inline table (line 1)"#),
        .init(text: "a = { x = 1 }\na.y = 2", line: 2, column: 1,
              message: #"cannot use "a" as a table: it is already an inline table (line 1)"#),
        .init(text: "a = [{ x = 1 }]\n[a.b]", line: 2, column: 2,
              message: #"cannot define [a.b]: key "a" is already an array (line 1)"#),
        .init(text: "a = 1\na.b = 2", line: 2, column: 1,
              message: #"cannot use "a" as a table: it is already an integer (line 1)"#),
        .init(text: "[x]\na.b = 1\n[[x.a]]", line: 3, column: 1,
              message: "cannot define array of tables [[x.a]]: [x.a] is already a table (line 2)"),
        .init(text: "t = { x = 1, x = 2 }", line: 1, column: 14,
              message: #"duplicate key "x" in inline table t (first defined on line 1)"#),
        .init(text: "[[r]]\nf = [{ a = 1 }, { b = 1, b = 2 }]", line: 2, column: 26,
              message: #"duplicate key "b" in inline table r.f[1] (first defined on line 2)"#),
        .init(text: "t = { a.b = 1, a.b = 2 }", line: 1, column: 18,
              message: #"duplicate key "a.b" in inline table t (first defined on line 1)"#),
    ]

    static let syntax: [TOMLBadDocument] = [
        .init(text: "t = { x = 1, }", line: 1, column: 14, message: "trailing comma in an inline table"),
        .init(text: "t = { x = 1,\n y = 2 }", line: 1, column: 13, message: "an inline table must be on one line"),
        .init(text: "t = {\n}", line: 1, column: 6, message: "an inline table must be on one line"),
        .init(text: "t = { x = 1 y = 2 }", line: 1, column: 13, message: "expected ',' or '}' in the inline table, found 'y'"),
        .init(text: "s = \"abc", line: 1, column: 9, message: "unterminated string (opened at line 1, column 5)"),
        .init(text: "s = \"abc\nt = 1\"", line: 1, column: 9, message: "unterminated string (opened at column 5)"),
        .init(text: "s = 'abc\n'", line: 1, column: 9, message: "unterminated literal string (opened at column 5)"),
        .init(text: "x = 1\ns = \"\"\"\nabc\n", line: 4, column: 1, message: "unterminated multi-line string (opened at line 2, column 5)"),
        .init(text: "s = '''abc''", line: 1, column: 13, message: "unterminated multi-line string (opened at line 1, column 5)"),
        .init(text: "s = \"\"\"a\"\"\"\"\"\"", line: 1, column: 9, message: "too many quotes (6)"),
        .init(text: "s = \"a\\xb\"", line: 1, column: 7, message: #"invalid escape sequence \x"#),
        .init(text: "s = \"\\e\"", line: 1, column: 6, message: #"invalid escape sequence \e"#),
        .init(text: "s = \"\"\"a \\ b\"\"\"", line: 1, column: 10, message: #"invalid escape sequence \ "#),
        .init(text: "s = \"\\uD800\"", line: 1, column: 6, message: #"\uD800 is not a Unicode scalar value"#),
        .init(text: "s = \"\\U00110000\"", line: 1, column: 6, message: #"\U00110000 is not a Unicode scalar value"#),
        .init(text: "s = \"\\u12\"", line: 1, column: 6, message: #"\u needs exactly 4 hexadecimal digits"#),
        .init(text: "s = \"a\u{01}b\"", line: 1, column: 7, message: "control character U+0001 must be escaped in a string"),
        .init(text: "s = 'a\u{7F}'", line: 1, column: 7, message: "control character U+007F must be escaped in a string"),
        .init(text: "# bad \u{07} comment", line: 1, column: 7, message: "control character U+0007 is not allowed in a comment"),
        .init(text: "a = 1\r b = 2", line: 1, column: 6, message: "carriage return (U+000D) without a line feed"),
        .init(text: "rate = 1.5", line: 1, column: 8, message: "floating-point number 1.5 is not supported here (recon uses exact arithmetic)"),
        .init(text: "\n\nrate = -3e10", line: 3, column: 8, message: "floating-point number -3e10 is not supported here"),
        .init(text: "rate = 5E+2", line: 1, column: 8, message: "floating-point number 5E+2 is not supported here"),
        .init(text: "rate = inf", line: 1, column: 8, message: "floating-point value inf is not supported here"),
        .init(text: "rate = -nan", line: 1, column: 8, message: "floating-point value -nan is not supported here"),
        .init(text: "day = 2025-10-14", line: 1, column: 7, message: #"dates and times are not supported here; write 2025-10-14 as a string, e.g. "2025-10-14""#),
        .init(text: "at = 1979-05-27T07:32:00+08:00", line: 1, column: 6, message: "dates and times are not supported here"),
        .init(text: "at = 1979-05-27 07:32:00", line: 1, column: 6, message: "dates and times are not supported here"),
        .init(text: "at = 07:32:00", line: 1, column: 6, message: "dates and times are not supported here"),
        .init(text: "n = 012", line: 1, column: 5, message: "leading zeros are not allowed in integer 012"),
        .init(text: "n = 1__0", line: 1, column: 5, message: "invalid integer 1__0: an underscore must sit between two digits"),
        .init(text: "n = _1", line: 1, column: 5, message: "invalid value _1: strings must be quoted"),
        .init(text: "n = 1_", line: 1, column: 5, message: "invalid integer 1_: an underscore must sit between two digits"),
        .init(text: "n = +_1", line: 1, column: 5, message: "invalid integer +_1: an underscore must sit between two digits"),
        .init(text: "n = 9223372036854775808", line: 1, column: 5, message: "integer 9223372036854775808 does not fit in 64 bits"),
        .init(text: "n = -9223372036854775809", line: 1, column: 5, message: "integer -9223372036854775809 does not fit in 64 bits"),
        .init(text: "n = 0x1_0000_0000_0000_0000", line: 1, column: 5, message: "does not fit in 64 bits"),
        .init(text: "n = -0x1", line: 1, column: 5, message: "a hexadecimal integer cannot have a sign: -0x1"),
        .init(text: "n = 0xG1", line: 1, column: 5, message: "invalid integer 0xG1"),
        .init(text: "n = 0b102", line: 1, column: 5, message: "invalid integer 0b102"),
        .init(text: "n = 12abc", line: 1, column: 5, message: "invalid integer 12abc"),
        .init(text: "n = 0X1F", line: 1, column: 5, message: "invalid integer 0X1F"),
        .init(text: "name = vehicles", line: 1, column: 8, message: #"invalid value vehicles: strings must be quoted ("vehicles"), booleans are true or false"#),
        .init(text: "flag = True", line: 1, column: 8, message: "invalid value True"),
        .init(text: "name = 河南省", line: 1, column: 8, message: "expected a value, found '河' (strings must be quoted)"),
        .init(text: "a =\nb = 1", line: 1, column: 4, message: "expected a value, found end of line"),
        .init(text: "a = ", line: 1, column: 5, message: "expected a value, found end of file"),
        .init(text: "a = # nothing", line: 1, column: 5, message: "expected a value, found '#'"),
        .init(text: "a 1", line: 1, column: 3, message: #"expected '=' after the key "a", found '1'"#),
        .init(text: "a.b\n", line: 1, column: 4, message: #"expected '=' after the key "a.b", found end of line"#),
        .init(text: "= 1", line: 1, column: 1, message: "expected a key, found '='"),
        .init(text: "a. = 1", line: 1, column: 4, message: "expected a key after '.', found '='"),
        .init(text: "车辆 = 1", line: 1, column: 1, message: "expected a key, found '车' (bare keys may use A-Z a-z 0-9 _ -; quote other keys)"),
        .init(text: "\"\"\"k\"\"\" = 1", line: 1, column: 1, message: "a key cannot be a multi-line string"),
        .init(text: "a = 1 2", line: 1, column: 7, message: #"expected the end of the line after the value of "a", found '2'"#),
        .init(text: "a = \"x\" \"y\"", line: 1, column: 9, message: #"expected the end of the line after the value of "a", found '"'"#),
        .init(text: "[a] b = 1", line: 1, column: 5, message: "expected the end of the line after [a], found 'b'"),
        .init(text: "[[a]] x", line: 1, column: 7, message: "expected the end of the line after [[a]], found 'x'"),
        .init(text: "[a", line: 1, column: 3, message: "expected ']' to close the header, found end of file"),
        .init(text: "[[a]\n", line: 1, column: 4, message: "expected ']]' to close the array-of-tables header, found ']'"),
        .init(text: "[]", line: 1, column: 2, message: "expected a key, found ']'"),
        .init(text: "[a.]", line: 1, column: 4, message: "expected a key after '.', found ']'"),
        .init(text: "a = [1, 2", line: 1, column: 10, message: "unterminated array (opened at line 1, column 5)"),
        .init(text: "a = [\n  1,\n  2,\n", line: 4, column: 1, message: "unterminated array (opened at line 1, column 5)"),
        .init(text: "a = [1 2]", line: 1, column: 8, message: "expected ',' or ']' in the array, found '2'"),
        .init(text: "a = [,]", line: 1, column: 6, message: "expected a value, found ','"),
        .init(text: "a = [1,,2]", line: 1, column: 8, message: "expected a value, found ','"),
        .init(text: "a = {", line: 1, column: 6, message: "expected a key, found end of file"),
        .init(text: "a = { x = 1", line: 1, column: 12, message: "unterminated inline table (opened at line 1, column 5)"),
    ]

    @Test(arguments: structure)
    func structureErrors(_ bad: TOMLBadDocument) {
        check(bad)
    }

    @Test(arguments: syntax)
    func syntaxErrors(_ bad: TOMLBadDocument) {
        check(bad)
    }

    private func check(_ bad: TOMLBadDocument) {
        guard let error = tomlParseError(bad.text) else { return }
        #expect(error.fileName == "recon.toml")
        #expect(error.line == bad.line, "\(error)")
        #expect(error.column == bad.column, "\(error)")
        #expect(error.message.contains(bad.message), "\(error)")
        #expect(error.description == "recon.toml:\(bad.line):\(bad.column): \(error.message)")
    }

    @Test func definingSubTablesOfDottedTablesIsAllowed() {
        let table = tomlParsed("[fruit]\napple.color = 'red'\napple.taste.sweet = true\n[fruit.apple.texture]\nsmooth = true")
        #expect(table.description == #"{fruit = {apple = {color = "red", taste = {sweet = true}, texture = {smooth = true}}}}"#)
    }

    @Test func errorDescriptionFormats() {
        #expect(TOMLError(fileName: "recon.toml", line: 3, column: 7, message: "m").description == "recon.toml:3:7: m")
        #expect(TOMLError(fileName: "recon.toml", line: 3, message: "m").description == "recon.toml:3: m")
        #expect(TOMLError(fileName: "recon.toml", line: nil, message: "m").description == "recon.toml: m")
    }
}

// MARK: - Typed reader

/// The realistic sample from the task, with a few more keys.
private let tomlSampleConfig = #"""
# recon configuration
[results]
dsn = "postgresql://recon@127.0.0.1:5432/recon"

[ministry]
dsn_env = "RECON_MINISTRY_DSN"

[[province]]
code = "410000"
name = "河南省"
dsn = "host=10.0.0.5 dbname=yunzheng user=recon"

[[province]]
code = "420000"
name = "湖北省"
dsn_env = "RECON_HUBEI_DSN"

[[record_set]]
name = "vehicles"
label = "营运车辆"
key = ["plate_number", "plate_colour"]
fields = [ { column = "vin", label = "车辆识别代号", normalise = ["trim", "upper"] } ]

[[record_set]]
name = "operators"
label = "经营业户"
key = ["licence_number"]
fields = [
  { column = "name", label = "业户名称" },
  { column = "licence_number", label = "经营许可证号", normalise = ["trim"] },
]
batch_size = 50_000
enabled = true
"""#

private struct TOMLSampleRecordSet: Equatable {
    var name: String
    var label: String
    var key: [String]
    var fields: [TOMLSampleField]
    var batchSize: Int?
    var enabled: Bool
}

private struct TOMLSampleField: Equatable {
    var column: String
    var label: String
    var normalise: [String]
}

@Suite("TOML typed reader")
struct TOMLReaderTests {
    @Test func mapsTheSampleConfig() throws {
        let root = try TOMLReader.parse(tomlSampleConfig, fileName: "recon.toml")
        #expect(try root.table("results").string("dsn") == "postgresql://recon@127.0.0.1:5432/recon")
        let ministry = try root.table("ministry")
        #expect(try ministry.optionalString("dsn") == nil)
        #expect(try ministry.optionalString("dsn_env") == "RECON_MINISTRY_DSN")
        #expect(try root.optionalTable("platform") == nil)

        let provinces = try root.tables("province")
        #expect(try provinces.map { try $0.string("code") } == ["410000", "420000"])
        #expect(try provinces.map { try $0.string("name") } == ["河南省", "湖北省"])
        #expect(try provinces.map { try $0.optionalString("dsn") } == ["host=10.0.0.5 dbname=yunzheng user=recon", nil])
        #expect(try provinces.map { try $0.optionalString("dsn_env") } == [nil, "RECON_HUBEI_DSN"])
        #expect(provinces.map(\.line) == [8, 13])
        #expect(provinces.map(\.name) == ["[[province]]", "[[province]]"])

        let sets = try root.tables("record_set").map { set in
            TOMLSampleRecordSet(
                name: try set.string("name"), label: try set.string("label"), key: try set.stringArray("key"),
                fields: try set.tables("fields").map { field in
                    TOMLSampleField(column: try field.string("column"), label: try field.string("label"),
                                normalise: try field.optionalStringArray("normalise") ?? [])
                },
                batchSize: try set.optionalInt("batch_size"),
                enabled: try set.optionalBool("enabled") ?? true)
        }
        #expect(sets == [
            TOMLSampleRecordSet(name: "vehicles", label: "营运车辆", key: ["plate_number", "plate_colour"],
                            fields: [TOMLSampleField(column: "vin", label: "车辆识别代号", normalise: ["trim", "upper"])],
                            batchSize: nil, enabled: true),
            TOMLSampleRecordSet(name: "operators", label: "经营业户", key: ["licence_number"],
                            fields: [TOMLSampleField(column: "name", label: "业户名称", normalise: []),
                                     TOMLSampleField(column: "licence_number", label: "经营许可证号", normalise: ["trim"])],
                            batchSize: 50_000, enabled: true),
        ])
        #expect(try root.tables("record_set")[1].tables("fields").map(\.line) == [29, 30])
        #expect(try root.tables("record_set")[1].tables("fields")[1].name == "fields[1] in [[record_set]]")
        try root.finish()
        #expect(root.unknownKeyErrors().isEmpty)
    }

    @Test func unknownKeyWithSuggestionNamesFileLineAndTable() throws {
        let text = tomlSampleConfig.replacingOccurrences(of: "dsn = \"host=10.0.0.5", with: "tabel = 1\ndsn = \"host=10.0.0.5")
            .replacingOccurrences(of: "[[record_set]]\nname = \"vehicles\"", with: "[[record_set]]\nname = \"vehicles\"\ntabel = \"vehicle\"")
        let root = try TOMLReader.parse(text, fileName: "recon.toml")
        _ = try root.table("results").string("dsn")
        _ = try root.table("ministry").string("dsn_env")
        for province in try root.tables("province") {
            _ = try province.string("code")
            _ = try province.string("name")
            _ = try province.optionalString("dsn")
            _ = try province.optionalString("dsn_env")
        }
        for set in try root.tables("record_set") {
            _ = try set.string("name")
            _ = try set.optionalString("table")
            _ = try set.string("label")
            _ = try set.stringArray("key")
            _ = set.value("fields")
        }
        let errors = root.unknownKeyErrors().map(\.description)
        #expect(errors == [
            #"recon.toml:11: unknown key "tabel" in [[province]]"#,
            #"recon.toml:21: unknown key "tabel" in [[record_set]] (did you mean "table"?)"#,
            #"recon.toml:34: unknown key "batch_size" in [[record_set]]"#,
            #"recon.toml:35: unknown key "enabled" in [[record_set]]"#,
        ])
        #expect(throws: TOMLError(fileName: "recon.toml", line: 11, message: #"unknown key "tabel" in [[province]]"#)) {
            try root.finish()
        }
    }

    @Test func theBriefsExampleOnLine14() throws {
        let text = """
        [results]
        dsn = "x"
        [ministry]
        dsn = "y"
        [[province]]
        code = "410000"
        name = "河南省"
        dsn = "z"
        [[record_set]]
        name = "vehicles"
        table = "vehicle"
        [[record_set]]
        name = "operators"
        tabel = "operator"
        """
        let root = try TOMLReader.parse(text, fileName: "recon.toml")
        for set in try root.tables("record_set") {
            _ = try set.string("name")
            _ = try set.optionalString("table")
        }
        root.markRead("results", "ministry", "province")
        let error = tomlThrown { try root.finish() }
        #expect(error?.description == #"recon.toml:14: unknown key "tabel" in [[record_set]] (did you mean "table"?)"#)
        #expect(error?.line == 14)
        #expect(error?.column == nil)
    }

    @Test func unknownKeysEverywhere() throws {
        let text = #"""
        top = 1
        tpo = 2
        [results]
        dsn = "a"
        dns = "b"
        [unread]
        x = 1
        [[record_set]]
        name = "v"
        fields = [
          { column = "vin", colum = "x" },
          { column = "a", normalize = ["trim"] },
        ]
        extra.deep = 1
        """#
        let root = try TOMLReader.parse(text, fileName: "recon.toml")
        _ = try root.int("top")
        _ = try root.table("results").string("dsn")
        for set in try root.tables("record_set") {
            _ = try set.string("name")
            for field in try set.tables("fields") {
                _ = try field.string("column")
                _ = try field.optionalStringArray("normalise")
            }
        }
        #expect(root.unknownKeyErrors().map(\.description) == [
            #"recon.toml:2: unknown key "tpo" at the top level (did you mean "top"?)"#,
            #"recon.toml:5: unknown key "dns" in [results] (did you mean "dsn"?)"#,
            #"recon.toml:6: unknown key "unread" at the top level"#,
            #"recon.toml:11: unknown key "colum" in fields[0] in [[record_set]] (did you mean "column"?)"#,
            #"recon.toml:12: unknown key "normalize" in fields[1] in [[record_set]] (did you mean "normalise"?)"#,
            #"recon.toml:14: unknown key "extra" in [[record_set]]"#,
        ])
    }

    @Test func unknownKeysOnOneLineAreInColumnOrder() throws {
        let root = try TOMLReader.parse("f = [{ a = 1, x = 1 }, { a = 2, y = 2 }]", fileName: "recon.toml")
        for field in try root.tables("f") { _ = try field.int("a") }
        #expect(root.unknownKeyErrors().map(\.message) == [
            #"unknown key "x" in f[0]"#, #"unknown key "y" in f[1]"#,
        ])
    }

    @Test func missingKeysNameTheTableAndItsLine() throws {
        let root = try TOMLReader.parse("# c\n\n[results]\nurl = 'x'\n[[province]]\ncode = '1'\n[[province]]\nnmae = 'n'\nf = [{ a = 1 }]", fileName: "recon.toml")
        #expect(tomlThrown { try root.table("results").string("dsn") }?.description
            == #"recon.toml:3: missing key "dsn" in [results]"#)
        #expect(tomlThrown { try root.table("ministry") }?.description
            == #"recon.toml: missing key "ministry" at the top level"#)
        #expect(tomlThrown { try root.int("port") }?.line == nil)
        let provinces = try root.tables("province")
        #expect(tomlThrown { try provinces[0].string("name") }?.description
            == #"recon.toml:5: missing key "name" in [[province]]"#)
        #expect(tomlThrown { try provinces[1].string("name") }?.description
            == #"recon.toml:7: missing key "name" in [[province]] (is "nmae" on line 8 a misspelling?)"#)
        let inline = try provinces[1].tables("f")[0]
        #expect(tomlThrown { try inline.string("column") }?.description
            == #"recon.toml:9: missing key "column" in f[0] in [[province]]"#)
        #expect(tomlThrown { try root.tables("record_set") }?.description
            == #"recon.toml: missing key "record_set" at the top level"#)
        #expect(tomlThrown { try root.stringArray("keys") } != nil)
        #expect(try TOMLReader.parse("x = []", fileName: "recon.toml").tables("x").isEmpty)
        #expect(tomlThrown { try root.bool("enabled") } != nil)
    }

    @Test func wrongTypesNameKeyLineExpectedAndActual() throws {
        let text = #"""
        [results]
        dsn = 5432
        port = "5432"
        on = "yes"
        key = "plate_number"
        sub = 1
        list = { a = 1 }
        [[record_set]]
        normalise = [
          "trim",
          7,
        ]
        fields = [1]
        """#
        let root = try TOMLReader.parse(text, fileName: "recon.toml")
        let results = try root.table("results")
        #expect(tomlThrown { try results.string("dsn") }?.description
            == #"recon.toml:2: key "dsn" in [results] must be a string, found an integer"#)
        #expect(tomlThrown { try results.optionalString("dsn") }?.line == 2)
        #expect(tomlThrown { try results.int("port") }?.description
            == #"recon.toml:3: key "port" in [results] must be an integer, found a string"#)
        #expect(tomlThrown { try results.optionalInt("port") }?.line == 3)
        #expect(tomlThrown { try results.bool("on") }?.description
            == #"recon.toml:4: key "on" in [results] must be a boolean, found a string"#)
        #expect(tomlThrown { try results.optionalBool("on") }?.line == 4)
        #expect(tomlThrown { try results.stringArray("key") }?.description
            == #"recon.toml:5: key "key" in [results] must be an array of strings, found a string"#)
        #expect(tomlThrown { try results.table("sub") }?.description
            == #"recon.toml:6: key "sub" in [results] must be a table, found an integer"#)
        #expect(tomlThrown { try results.tables("list") }?.description
            == #"recon.toml:7: key "list" in [results] must be an array of tables, found a table"#)
        #expect(tomlThrown { try root.table("record_set") }?.description
            == #"recon.toml:8: key "record_set" at the top level must be a table, found an array of tables"#)
        let set = try root.tables("record_set")[0]
        #expect(tomlThrown { try set.stringArray("normalise") }?.description
            == #"recon.toml:11: normalise[1] in [[record_set]] must be a string, found an integer"#)
        #expect(tomlThrown { try set.tables("fields") }?.description
            == #"recon.toml:13: fields[0] in [[record_set]] must be a table, found an integer"#)
    }

    @Test func errorsForValuesTheMappingRejects() throws {
        let text = "[[province]]\ncode = \"41000\"\nnormalise = [\n  \"trim\",\n  \"uper\",\n]\n"
        let root = try TOMLReader.parse(text, fileName: "recon.toml")
        let province = try root.tables("province")[0]
        #expect(province.error(at: "code", "expected 6 digits (GB/T 2260)").description
            == #"recon.toml:2: key "code" in [[province]]: expected 6 digits (GB/T 2260)"#)
        #expect(province.error(at: "normalise", element: 1, #"unknown normaliser "uper""#).description
            == #"recon.toml:5: normalise[1] in [[province]]: unknown normaliser "uper""#)
        #expect(province.error(at: "absent", "needed when x is set").description
            == #"recon.toml:1: key "absent" in [[province]]: needed when x is set"#)
        #expect(province.error("neither dsn nor dsn_env is given").description
            == "recon.toml:1: [[province]]: neither dsn nor dsn_env is given")
        #expect(root.error("no province configured").description == "recon.toml: no province configured")
        #expect(province.line(of: "normalise") == 3)
        #expect(province.contains("code"))
        #expect(!province.contains("name"))
    }

    @Test func readersShareWhatWasRead() throws {
        let root = try TOMLReader.parse("[a]\nx = 1\ny = 2\n[b]\nz = 1", fileName: "recon.toml")
        _ = try root.table("a").int("x")
        _ = try root.table("a").int("y")  // a second reader for [a] is the same one
        let copy = root
        _ = try copy.table("b").int("z")
        try root.finish()

        let other = try TOMLReader.parse("[a]\nx = 1\ny = 2\nignored = true", fileName: "recon.toml")
        let a = try other.table("a")
        _ = try a.int("x")
        a.markRead("y", "ignored")
        try other.finish()
        #expect(!a.contains("nope"))
        #expect(a.keys == ["x", "y", "ignored"])
    }

    @Test func containsAndLineDoNotCountAsReading() throws {
        let root = try TOMLReader.parse("a = 1\nb = 2", fileName: "recon.toml")
        #expect(root.contains("a"))
        #expect(root.line(of: "b") == 2)
        #expect(root.value("a") == .integer(1))
        #expect(root.unknownKeyErrors().map(\.message) == [#"unknown key "b" at the top level"#])
    }

    @Test func tablesOfDifferentOrigins() throws {
        let text = "ministry.dsn_env = \"M\"\nresults = { dsn = \"R\" }\n[a.b]\nc = 1\n[\"x y\".z]\nw = 1"
        let root = try TOMLReader.parse(text, fileName: "recon.toml")
        #expect(try root.table("ministry").string("dsn_env") == "M")
        #expect(try root.table("results").string("dsn") == "R")
        #expect(try root.table("results").name == "[results]")
        let b = try root.table("a").table("b")
        #expect(b.name == "[a.b]")
        #expect(b.line == 3)
        #expect(try root.table("a").line == 3)
        #expect(try root.table("x y").table("z").name == #"["x y".z]"#)
        #expect(tomlThrown { try b.string("d") }?.description == #"recon.toml:3: missing key "d" in [a.b]"#)
        #expect(root.name == "the top level")
        #expect(root.line == nil)
    }

    @Test(arguments: [
        ([TOMLReader.PathComponent](), "the top level"),
        ([.key("results")], "[results]"),
        ([.key("a"), .key("b c")], #"[a."b c"]"#),
        ([.key("record_set"), .element(2, ofTables: true)], "[[record_set]]"),
        ([.key("a"), .element(0, ofTables: true), .key("b"), .element(1, ofTables: true)], "[[a.b]]"),
        ([.key("a"), .element(0, ofTables: true), .key("c")], "[a.c]"),
        ([.key("record_set"), .element(0, ofTables: true), .key("fields"), .element(3, ofTables: false)],
         "fields[3] in [[record_set]]"),
        ([.key("record_set"), .element(0, ofTables: true), .key("fields"), .element(3, ofTables: false), .key("x"),
          .element(1, ofTables: false)], "fields[3].x[1] in [[record_set]]"),
        ([.key("hosts"), .element(0, ofTables: false)], "hosts[0]"),
        ([.key("a"), .key("hosts"), .element(0, ofTables: false)], "hosts[0] in [a]"),
    ])
    func tableNames(_ path: [TOMLReader.PathComponent], _ expected: String) {
        #expect(TOMLReader.name(of: path) == expected)
    }
}

// MARK: - Suggestions

@Suite("TOML did-you-mean")
struct TOMLSuggestionTests {
    @Test(arguments: [
        ("tabel", "table", 1),  // adjacent transposition
        ("kitten", "sitting", 3),
        ("", "abc", 3),
        ("abc", "", 3),
        ("dsn", "dsn", 0),
        ("ca", "abc", 3),  // OSA (not full Damerau, which gives 2)
        ("营运车辆", "营运车俩", 1),
        ("normalize", "normalise", 1),
    ])
    func distances(_ a: String, _ b: String, _ expected: Int) {
        #expect(TOMLSuggestion.distance(a, b) == expected)
        #expect(TOMLSuggestion.distance(b, a) == expected)
    }

    @Test func closestCandidate() {
        #expect(TOMLSuggestion.closest(to: "tabel", among: ["name", "table", "label"]) == "table")
        #expect(TOMLSuggestion.closest(to: "labl", among: ["name", "table", "label"]) == "label")  // 1 vs 2
        #expect(TOMLSuggestion.closest(to: "lable", among: ["name", "table", "label"]) == "table")  // 1 and 1: first wins
        #expect(TOMLSuggestion.closest(to: "b", among: ["a"]) == nil)  // one-letter keys are too short to guess
        #expect(TOMLSuggestion.closest(to: "ab", among: ["ac"]) == nil)
        #expect(TOMLSuggestion.closest(to: "X", among: ["x"]) == "x")  // case only
        #expect(TOMLSuggestion.closest(to: "DSN", among: ["dsn"]) == "dsn")
        #expect(TOMLSuggestion.closest(to: "dsn-env", among: ["dsn", "dsn_env"]) == "dsn_env")
        #expect(TOMLSuggestion.closest(to: "colour", among: ["name", "code"]) == nil)
        #expect(TOMLSuggestion.closest(to: "xyz", among: ["dsn"]) == nil)
        #expect(TOMLSuggestion.closest(to: "ab", among: ["ab"]) == nil)  // exact matches are not suggestions
        #expect(TOMLSuggestion.closest(to: "naem", among: ["name", "nam"]) == "name")  // tie → first
    }
}
