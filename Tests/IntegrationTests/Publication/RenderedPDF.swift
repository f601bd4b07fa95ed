import Foundation
import ReconTestSupport

/// A workbook as its reader sees it: rendered to PDF by LibreOffice headless
/// (`soffice --convert-to pdf`, Debian's libreoffice-calc-nogui) and read back with poppler-utils
/// (`pdfinfo`, `pdftotext -bbox`, `pdffonts`; jobs/install-deps.sh installs both). A missing tool
/// fails the test, never skips it.
struct RenderedPDF {
    /// One word as placed on a page (points, origin top left).
    struct Word {
        let page: Int
        let text: String
        let xMin, yMin, xMax, yMax: Double
        var height: Double { yMax - yMin }
    }

    /// The PDF.
    let path: String
    /// Page sizes in points, in page order.
    let pageSizes: [(width: Double, height: Double)]
    /// Every word with its box.
    let words: [Word]
    /// The text of each page in content order (`pdftotext -raw`).
    let pageTexts: [String]
    /// Embedded fonts (`pdffonts`), one line each.
    let fonts: [String]
    /// Every text size used (`Tf` size × the text matrix's scale × the CTM's), from the page streams.
    let textSizes: [Double]

    var pages: Int { pageSizes.count }

    /// Renders `xlsx` into `directory`.
    static func render(xlsx: String, in directory: String) throws -> RenderedPDF {
        let soffice = try tool("soffice", package: "libreoffice-calc-nogui")
        _ = try run(soffice, ["--headless", "-env:UserInstallation=file://\(directory)/profile", "--convert-to", "pdf",
                              "--outdir", directory, xlsx])
        let base = ((xlsx as NSString).lastPathComponent as NSString).deletingPathExtension
        let pdf = "\(directory)/\(base).pdf"
        guard FileManager.default.fileExists(atPath: pdf) else { throw TestSupportError("soffice wrote no \(pdf)") }
        return try read(pdf)
    }

    /// Reads `pdf` with poppler-utils.
    static func read(_ pdf: String) throws -> RenderedPDF {
        let info = try run(try tool("pdfinfo", package: "poppler-utils"), ["-f", "1", "-l", "999", pdf])
        var sizes: [(Double, Double)] = []
        for line in info.split(separator: "\n") where line.hasPrefix("Page") && line.contains("size:") {
            // "Page    1 size: 841.89 x 595.276 pts (A4)"
            let parts = line.split(separator: ":", maxSplits: 1)[1].split(separator: " ")
            if parts.count >= 3, let w = Double(parts[0]), let h = Double(parts[2]) { sizes.append((w, h)) }
        }
        let bbox = try run(try tool("pdftotext", package: "poppler-utils"), ["-bbox", pdf, "-"])
        var words: [Word] = []
        var page = 0
        for line in bbox.split(separator: "\n") {
            if line.contains("<page ") { page += 1; continue }
            guard line.contains("<word ") else { continue }
            func attribute(_ name: String) -> Double {
                guard let range = line.range(of: "\(name)=\"") else { return .nan }
                return Double(line[range.upperBound...].prefix { $0 != "\"" }) ?? .nan
            }
            guard let open = line.firstIndex(of: ">"), let close = line.range(of: "</word>") else { continue }
            let text = String(line[line.index(after: open)..<close.lowerBound])
                .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            words.append(Word(page: page, text: text, xMin: attribute("xMin"), yMin: attribute("yMin"),
                              xMax: attribute("xMax"), yMax: attribute("yMax")))
        }
        var texts: [String] = []
        for number in 0..<sizes.count {
            texts.append(try run(try tool("pdftotext", package: "poppler-utils"),
                                 ["-raw", "-f", String(number + 1), "-l", String(number + 1), pdf, "-"]))
        }
        let fonts = try run(try tool("pdffonts", package: "poppler-utils"), [pdf]).split(separator: "\n").dropFirst(2).map(String.init)
        let python = try tool("python3", package: "python3")
        let sizesText = try run(python, [Self.textSizeScript, pdf])
        return RenderedPDF(path: pdf, pageSizes: sizes, words: words, pageTexts: texts, fonts: fonts,
                           textSizes: sizesText.split(separator: "\n").compactMap { Double($0) })
    }

    /// The page text with all white space removed (a wrapped cell's lines join up again).
    func squeezed(page: Int) -> String {
        pageTexts[page - 1].filter { !$0.isWhitespace }
    }

    /// All pages' squeezed text.
    var squeezedText: String { pageTexts.joined().filter { !$0.isWhitespace } }

    // MARK: - Tools

    /// The path of `name`, or a failure naming its Debian package.
    static func tool(_ name: String, package: String) throws -> String {
        for directory in ["/usr/bin", "/usr/local/bin", "/bin"] where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
            return "\(directory)/\(name)"
        }
        throw TestSupportError("\(name) is not installed: jobs/install-deps.sh installs \(package)")
    }

    /// Runs `executable`, returns its standard output; throws when it fails.
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestSupportError("\(executable) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A small reader of the page content streams (Python's zlib): for every text-showing
    /// operator, the size it draws at — `Tf`'s size times the scale of the text matrix (`Tm`) and
    /// of the current transformation (`cm`, with `q`/`Q`). Prints one size per line.
    static let textSizeScript: String = {
        let path = NSTemporaryDirectory() + "recon-pdf-text-sizes.py"
        let script = #"""
        import re, sys, zlib, math
        data = open(sys.argv[1], 'rb').read()
        streams = []
        for m in re.finditer(rb'<<(.*?)>>\s*stream\r?\n', data, re.S):
            start = m.end()
            end = data.find(b'endstream', start)
            raw = data[start:end]
            # Page contents only: not embedded font programs (/Length1…) nor images (/Subtype).
            if b'/Length1' in m.group(1) or b'/Subtype' in m.group(1): continue
            if b'/FlateDecode' in m.group(1):
                try: raw = zlib.decompress(raw)
                except Exception: continue
            streams.append(raw)
        token = re.compile(rb'\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|\[|\]|/[^\s/\[\]()<>]+|[-+]?\d*\.?\d+|[A-Za-z\'"*]+')
        def mul(a, b):
            return [a[0]*b[0]+a[1]*b[2], a[0]*b[1]+a[1]*b[3], a[2]*b[0]+a[3]*b[2], a[2]*b[1]+a[3]*b[3], a[4]*b[0]+a[5]*b[2]+b[4], a[4]*b[1]+a[5]*b[3]+b[5]]
        for s in streams:
            if b'BT' not in s or b'Tf' not in s: continue
            ctm = [1,0,0,1,0,0]; stack = []; tm = [1,0,0,1,0,0]; size = 0; nums = []
            for t in token.findall(s):
                if re.fullmatch(rb'[-+]?\d*\.?\d+', t): nums.append(float(t)); continue
                if t == b'q': stack.append(ctm[:])
                elif t == b'Q': ctm = stack.pop() if stack else [1,0,0,1,0,0]
                elif t == b'cm' and len(nums) >= 6: ctm = mul(nums[-6:], ctm)
                elif t == b'BT': tm = [1,0,0,1,0,0]
                elif t == b'Tm' and len(nums) >= 6: tm = nums[-6:]
                elif t == b'Tf' and nums: size = nums[-1]
                elif t in (b'Tj', b'TJ', b"'", b'"'):
                    m = mul(tm, ctm)
                    print(round(size * math.sqrt(abs(m[0]*m[3] - m[1]*m[2])), 3))
                if not t.startswith(b'(') and not t.startswith(b'<') and t not in (b'[', b']'): nums = []
        """#
        _ = FileManager.default.createFile(atPath: path, contents: Data(script.utf8))
        return path
    }()
}
