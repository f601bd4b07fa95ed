/// The State Council holiday notices 2019–2026 built into `recon`: the text of
/// `data/calendar/cn-workdays-2019-2026.tsv`, embedded byte for byte at build time by the
/// EmbedFilesPlugin (a test compares it with the file). See docs/rules.md, "Working days".
public enum BuiltInNotices {
    /// The data file the built-in notices come from, relative to `data/calendar/`.
    public static let fileName = "cn-workdays-2019-2026.tsv"

    /// The name the built-in notices are reported under.
    public static let sourceName = "\(fileName) (built in)"

    /// The file's text: `date<TAB>holiday|workday<TAB>name`, one line per day.
    public static let tsv: String = {
        guard let file = EmbeddedCalendarData.files.first(where: { $0.path == fileName }) else {
            preconditionFailure("data/calendar/\(fileName) was not embedded at build time")
        }
        return file.text
    }()
}
