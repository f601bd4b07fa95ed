import ArgumentParser
import ReconKit
import ReconRules

/// `recon`: the ministry–province reconciliation engine (部省两级运政系统数据对账).
@main
struct Recon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recon",
        abstract: "部省两级运政数据对账 — reconcile ministry and provincial road-transport registries and score indicators 10–12.",
        version: ReconKit.version,
        subcommands: [
            MigrateCommand.self,
            StatusCommand.self,
            SampleCommand.self,
            ReconcileCommand.self,
            RunsCommand.self,
            DiffCommand.self,
            ListsCommand.self,
            TrackCommand.self,
            ObjectionsCommand.self,
            CheckCommand.self,
            ScoreCommand.self,
            CalendarCommand.self,
            DueCommand.self,
            WindowCommand.self,
            HealthCommand.self,
            BenchCommand.self,
            ServeCommand.self,
            TokensCommand.self,
        ]
    )

    /// Runs the command; errors reach the exit codes of README "Exit codes" (``ExitStatus``).
    static func main() async {
        var command: any ParsableCommand
        do { command = try parseAsRoot() } catch { exit(withError: error) }
        do {
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: ExitStatus.error(for: error, command: type(of: command), root: Recon.self))
        }
    }
}
