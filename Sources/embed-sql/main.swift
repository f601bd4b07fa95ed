// Build tool: embeds every .sql file under a folder into one Swift source file, so that the
// installed `recon` binary carries its migrations and reference schemas (no resource bundle,
// which breaks on Linux when the binary moves). sql/ stays the single source of the schema.
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: embed-sql <sql-folder> <output.swift>\n".utf8))
    exit(64)
}
let root = URL(fileURLWithPath: arguments[1]).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])

var paths: [String] = []
if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
    for case let url as URL in walker where url.pathExtension == "sql" {
        let full = url.standardizedFileURL.path
        paths.append(String(full.dropFirst(root.path.count + 1)))
    }
}
paths.sort()

func rawLiteral(_ text: String) -> String {
    var hashes = "#"
    while text.contains("\"\(hashes)") { hashes += "#" }
    return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
}

var source = "// Generated at build time by embed-sql from sql/. Do not edit; edit sql/ instead.\n\n"
source += "/// Every file under sql/, by path relative to sql/, embedded at build time.\n"
source += "enum EmbeddedSQL {\n    static let files: [(path: String, text: String)] = [\n"
for path in paths {
    let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    source += "        (\(String(reflecting: path)), \(rawLiteral(text))),\n"
}
source += "    ]\n}\n"

let existing = try? String(contentsOf: output, encoding: .utf8)
if existing != source {
    try source.write(to: output, atomically: true, encoding: .utf8)
}
