import Foundation
import PackagePlugin

/// Embeds the project's data files into the target that owns them before compiling it:
/// `sql/**/*.sql` into ReconKit (`EmbeddedSQL`: migrations and reference schemas) and
/// `data/calendar/*.tsv` into ReconRules (`EmbeddedCalendarData`: the built-in holiday notices).
@main
struct EmbedFilesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let (folder, fileExtension, enumName): (String, String, String)
        switch target.name {
        case "ReconRules": (folder, fileExtension, enumName) = ("data/calendar", "tsv", "EmbeddedCalendarData")
        default: (folder, fileExtension, enumName) = ("sql", "sql", "EmbeddedSQL")
        }
        let root = context.package.directoryURL.appending(path: folder)
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == fileExtension { inputs.append(url) }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "\(enumName).swift")
        return [
            .buildCommand(
                displayName: "Embedding \(folder)/ into \(target.name)",
                executable: try context.tool(named: "embed-files").url,
                arguments: [root.path, fileExtension, enumName, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
