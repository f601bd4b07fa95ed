// Build tool: embeds every file with one extension under a folder into one Swift source file, so
// that the installed `recon` binary carries its migrations, reference schemas and calendar data
// (no resource bundle, which breaks on Linux when the binary moves). The files stay the single
// source: sql/ for the schema, data/calendar/ for the working-day facts.
//
//   embed-files <folder> <extension> <EnumName> <output.swift>
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 5 else {
    FileHandle.standardError.write(Data("usage: embed-files <folder> <extension> <EnumName> <output.swift>\n".utf8))
    exit(64)
}
let root = URL(fileURLWithPath: arguments[1]).standardizedFileURL
let fileExtension = arguments[2]
let enumName = arguments[3]
let output = URL(fileURLWithPath: arguments[4])

var paths: [String] = []
if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
    for case let url as URL in walker where url.pathExtension == fileExtension {
        let full = url.standardizedFileURL.path
        paths.append(String(full.dropFirst(root.path.count + 1)))
    }
}
paths.sort()

/// A raw multi-line literal whose value is `text` byte for byte (its delimiter never occurs inside).
func rawLiteral(_ text: String) -> String {
    var hashes = "#"
    while text.contains("\"\(hashes)") { hashes += "#" }
    return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
}

var source = "// Generated at build time by embed-files from \(root.lastPathComponent)/. Do not edit; edit the files instead.\n\n"
source += "/// Every .\(fileExtension) file under \(root.lastPathComponent)/, by path relative to it, embedded at build time.\n"
source += "enum \(enumName) {\n    static let files: [(path: String, text: String)] = [\n"
for path in paths {
    let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    source += "        (\(String(reflecting: path)), \(rawLiteral(text))),\n"
}
source += "    ]\n}\n"

let existing = try? String(contentsOf: output, encoding: .utf8)
if existing != source {
    try source.write(to: output, atomically: true, encoding: .utf8)
}
