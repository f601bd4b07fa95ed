import Foundation
import PackagePlugin

/// Runs `embed-sql` over the package's `sql/` folder before compiling the target, producing
/// `EmbeddedSQL.swift` with every migration and reference schema as a string.
@main
struct EmbedSQLPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let sqlFolder = context.package.directoryURL.appending(path: "sql")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: sqlFolder, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "sql" { inputs.append(url) }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSQL.swift")
        return [
            .buildCommand(
                displayName: "Embedding sql/ into \(target.name)",
                executable: try context.tool(named: "embed-sql").url,
                arguments: [sqlFolder.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
