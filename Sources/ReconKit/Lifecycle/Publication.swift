import Foundation
import PostgresClient
import ReconRules

/// A publication of a quarter's results (`recon.publications`, `recon.publication_ranks`): the
/// version published, frozen with its ranking (第十一条: 公示期结束后，交通运输部以适当形式公布评价结果，
/// 对评价结果排名靠前的予以表扬). A republication supersedes it; both are kept.
public struct Publication: Sendable, Equatable {
    /// First publication, or a republication with a reason.
    public enum Kind: String, Sendable, Equatable {
        /// 公布.
        case publication
        /// 重新公布.
        case republication
    }

    /// `recon.publications.id`.
    public let id: Int
    /// The quarter.
    public let quarter: Quarter
    /// The version published.
    public let scoringID: Int
    /// When.
    public let publishedAt: Date
    /// Who.
    public let publishedBy: String
    /// Which.
    public let kind: Kind
    /// Why (republications).
    public let reason: String?
    /// The ranking, rank order.
    public let ranks: [Ranking.Entry]

    /// The current publication of `quarter`, or nil.
    public static func current(_ quarter: Quarter, on db: Connection) throws -> Publication? {
        try select("WHERE quarter = $1 AND superseded_by IS NULL", [quarter.description], on: db).first
    }

    /// Every publication of `quarter`, oldest first (superseded ones included).
    public static func all(_ quarter: Quarter, on db: Connection) throws -> [Publication] {
        try select("WHERE quarter = $1", [quarter.description], on: db)
    }

    /// Publishes `version` inside transaction `db` (the caller holds the quarter's lock and has
    /// checked the conditions), superseding publication `superseding` when given.
    static func insert(quarter: Quarter, version: ScoringVersion, kind: Kind, reason: String?, by who: String, at now: Date,
                       on db: Connection, superseding: Int? = nil) throws -> Publication {
        // The new id first: the superseded row points at it (a deferred foreign key), so that one
        // current publication per quarter holds at every statement.
        let id = try db.execute("SELECT nextval(pg_get_serial_sequence('recon.publications', 'id')) AS id").singleRow().int("id")
        if let superseding {
            try db.execute("UPDATE recon.publications SET superseded_by = $2 WHERE id = $1 AND superseded_by IS NULL",
                           [String(superseding), String(id)])
        }
        try db.execute("""
            INSERT INTO recon.publications (id, quarter, scoring_id, published_at, published_by, kind, reason)
            VALUES ($1, $2, $3, $4::timestamptz, $5, $6, $7)
            """, [String(id), quarter.description, String(version.id), BeijingTimeFormat.sql(now), who, kind.rawValue, reason])
        let ranks = Ranking.rank(version.scores.provinces.map { ($0.provinceCode, $0.subtotal.hundredths) })
        for entry in ranks {
            try db.execute("""
                INSERT INTO recon.publication_ranks (publication_id, province_code, rank, subtotal_hundredths) VALUES ($1, $2, $3, $4)
                """, [String(id), entry.provinceCode, String(entry.rank), String(entry.subtotalHundredths)])
        }
        guard let publication = try select("WHERE id = $1", [String(id)], on: db).first else {
            throw LifecycleError("publication \(id) vanished")
        }
        return publication
    }

    private static func select(_ condition: String, _ parameters: [String?], on db: Connection) throws -> [Publication] {
        try db.execute("""
            SELECT id, quarter, scoring_id, published_by, kind, reason, \(ListTime.microsSQL("published_at")) AS published_us
            FROM recon.publications \(condition) ORDER BY id
            """, parameters).rows.map { row in
            let id = try row.int("id")
            let ranks = try db.execute("""
                SELECT province_code, rank, subtotal_hundredths FROM recon.publication_ranks
                WHERE publication_id = $1 ORDER BY rank, province_code
                """, [String(id)]).rows.map {
                Ranking.Entry(provinceCode: try $0.string("province_code"), subtotalHundredths: try $0.int("subtotal_hundredths"),
                              rank: try $0.int("rank"))
            }
            guard let kind = Kind(rawValue: try row.string("kind")) else { throw LifecycleError("publication \(id): unknown kind") }
            return Publication(id: id, quarter: try Quarter.parse(try row.string("quarter")), scoringID: try row.int("scoring_id"),
                               publishedAt: try ListTime.instant(micros: try row.string("published_us"), what: "published_at"),
                               publishedBy: try row.string("published_by"), kind: kind, reason: row["reason"], ranks: ranks)
        }
    }
}
