import Foundation
import PostgresClient
import ReconKit
import ReconRules
@testable import ReconSample
import ReconTestSupport
import Testing

/// The score and due commands as a ministry analyst runs them (the built `recon` binary).
@Suite("recon score and recon due --dry-run from the command line", .serialized)
struct ScoreCommandTests {
    /// Runs the built `recon` (the tests' one CLI runner, ``ReconCLI``).
    static func recon(_ arguments: [String]) throws -> ReconCLI.Result { try ReconCLI.run(arguments) }

    /// A look at the scores before the rectification period ended stores nothing (issue: a look froze
    /// them), and the draft on the results day sees every on-time re-upload.
    @Test func lookingAtTheScoresStoresNothing() throws {
        let fixture = try DueFixture(codes: ["410000"])
        _ = try fixture.due()
        let config = try fixture.writeConfig()
        let results = try fixture.results.connect()
        let early = try Self.recon(["score", "--quarter", "2026Q3", "--config", config])
        #expect(early.status == 0, "\(early.stderr)")
        #expect(early.stdout.contains("预览"), "\(early.stdout)")
        #expect(try results.execute("SELECT count(*) AS n FROM recon.scorings").singleRow().int("n") == 0)
        // --store before the results date is refused with the reason, and stores nothing.
        let refused = try Self.recon(["score", "--quarter", "2026Q3", "--store", "--now", "2026-07-03T09:00:00+08:00", "--config", config])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("2026-10-20"), "\(refused.stderr)")
        #expect(try results.execute("SELECT count(*) AS n FROM recon.scorings").singleRow().int("n") == 0)
        // On the results date it is stored once and shown as on notice.
        let stored = try Self.recon(["score", "--quarter", "2026Q3", "--store", "--now", "2026-10-20T09:00:00+08:00", "--config", config])
        #expect(stored.status == 0, "\(stored.stderr)")
        // During the notice (issue 25 case 10: after it, the stage reads 公示期已结束，待公布).
        let shown = try Self.recon(["score", "--quarter", "2026Q3", "--now", "2026-10-21T09:00:00+08:00", "--config", config])
        #expect(shown.stdout.contains("公示中"), "\(shown.stdout)")
        #expect(try results.execute("SELECT count(*) AS n FROM recon.scorings").singleRow().int("n") == 1)
    }

    /// A bad province is refused before anything is computed or stored.
    @Test func anUnknownProvinceIsRefusedBeforeAnythingIsStored() throws {
        let fixture = try DueFixture(codes: ["410000"])
        _ = try fixture.due()
        let config = try fixture.writeConfig()
        let output = try Self.recon(["score", "--quarter", "2026Q3", "--store", "--province", "999999",
                                     "--now", "2026-10-20T09:00:00+08:00", "--config", config])
        #expect(output.status != 0)
        #expect(output.stderr.contains("999999"), "\(output.stderr)")
        #expect(try fixture.results.connect().execute("SELECT count(*) AS n FROM recon.scorings").singleRow().int("n") == 0)
    }

    /// `--dry-run` plans with the notices imported into the results database: 2027 is unknown to
    /// the built-in calendar, known once its notice is imported.
    @Test func dryRunUsesTheImportedNotices() throws {
        let fixture = try DueFixture(codes: ["410000"])
        let config = try fixture.writeConfig()
        let before = try Self.recon(["due", "--dry-run", "--date", "2027-01-05", "--config", config])
        #expect(before.status != 0, "2027 is not known yet: \(before.stdout)")
        let notice = try HolidayNotice.parseFeedJSON(Data(CalendarStoreFeed.feed2027.utf8), sourceName: "2027.json")
        _ = try CalendarStore(connection: try fixture.results.connect()).importNotices([notice])
        let after = try Self.recon(["due", "--dry-run", "--date", "2027-01-05", "--config", config])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout.contains("recon due 2027-01-05"), "\(after.stdout)")
        #expect(after.stdout.contains("notices imported into the results database"), "\(after.stdout)")
    }
}

/// The 2027 feed of the calendar store tests.
enum CalendarStoreFeed {
    static var feed2027: String { CalendarStoreTests.feed2027 }
}
