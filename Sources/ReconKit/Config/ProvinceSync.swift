import PostgresClient
import ReconRules

/// Keeps `recon.provinces` in step with the configured provinces (codes and 中文名), so that runs,
/// lists and scores can refer to them. Provinces no longer configured are kept: history refers to them.
public enum ProvinceSync {
    /// Inserts new provinces and renames changed ones, in one statement.
    public static func sync(_ provinces: [ProvinceConfig], on connection: Connection) throws {
        guard !provinces.isEmpty else { return }
        try connection.execute("""
            INSERT INTO recon.provinces (code, name)
            SELECT * FROM unnest($1::text[], $2::text[])
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, updated_at = now()
            WHERE recon.provinces.name IS DISTINCT FROM EXCLUDED.name
            """, [PostgresArray.text(provinces.map(\.code)), PostgresArray.text(provinces.map(\.name))])
    }
}
