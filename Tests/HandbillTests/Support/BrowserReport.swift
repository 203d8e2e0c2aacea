import Foundation

/// What a real browser makes of a web page: `Tests/Tools/web_check.py` loads it in Debian's headless
/// Chromium (chromedriver, selenium) and runs axe-core on it.
struct BrowserReport: Decodable {
    struct Width: Decodable { var scrollWidth: Int; var innerWidth: Int }
    struct Violation: Decodable { var id: String; var impact: String?; var help: String; var targets: [[String]] }
    struct Incomplete: Decodable { var id: String; var targets: [[String]]; var why: [String] }
    struct Axe: Decodable {
        var version: String?
        var violations: [Violation]
        var incomplete: [Incomplete]
        var passed: [String]
        /// Colour rules axe ran again told no font is an icon font (it takes Arabic for one).
        var noIconFontsFor: [String]
    }
    struct Link: Decodable { var href: String; var text: String }
    struct Language: Decodable { var tag: String; var lang: String; var dir: String?; var text: String }

    var page: String
    /// By window width in CSS pixels ("320", "1280").
    var widths: [String: Width]
    var axe: [String: Axe]
    var lang: String
    var dir: String
    var title: String
    /// `document.body.innerText`: what the page shows, in order.
    var text: String
    var langs: [Language]
    var tel: [Link]
    var scripts: Int
    var external: Int

    /// Reads `pages` (each with `:enhanced` to add AAA contrast) in one browser session.
    static func read(_ pages: [String]) throws -> [String: BrowserReport] {
        let script = Project.root.appendingPathComponent("Tests/Tools/web_check.py").path
        let result = try CommandResult.run(StructureReading.python, [script] + pages)
        guard result.status == 0 else {
            throw StructureReading.ReaderError(message: "web_check.py failed (\(result.status)): \(result.stderr)"
                              + " — it needs chromium and chromium-driver (.ci/debian-packages) and pip install -r Tests/Tools/requirements.txt")
        }
        let reports = try JSONDecoder().decode([BrowserReport].self, from: Data(result.stdout.utf8))
        return Dictionary(uniqueKeysWithValues: reports.map { (URL(fileURLWithPath: $0.page).lastPathComponent, $0) })
    }
}
