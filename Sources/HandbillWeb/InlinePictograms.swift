import Foundation
import HandbillModel

/// The pictures of easy-read points as inline SVG (`Layouts/pictograms/<name>.svg`): one file,
/// nothing to fetch, and a screen reader reads the picture's Alt text in its place.
///
/// Each is a picture (`role="img"`) named by a `<title>` holding its Alt text. The files' own
/// `id`s are taken out (OpenMoji repeats `emoji`, `color`, `line` in every file, and a page may
/// show one picture twice); a file with script or event handlers is refused, never inlined.
public struct InlinePictograms {
    public let folder: URL
    private var cache: [String: String] = [:]

    public init(folder: URL) { self.folder = folder }

    /// The markup of picture `name` with `alt` as its accessible name.
    public mutating func svg(_ name: String, alt: String) throws(DiagnosticError) -> String {
        let body: String
        if let cached = cache[name] {
            body = cached
        } else {
            body = try Self.clean(try read(name), name: folder.appendingPathComponent(name + ".svg").relativePath)
            cache[name] = body
        }
        // `body` starts `<svg` and its first `>` closes the root's start tag (checked in `clean`).
        let end = body.firstIndex(of: ">")!
        return "<svg role=\"img\" class=\"pictogram\" focusable=\"false\"" + body[body.index(body.startIndex, offsetBy: 4)..<end]
            + "><title>" + HTMLWriter.escape(alt) + "</title>" + body[body.index(after: end)...]
    }

    private func read(_ name: String) throws(DiagnosticError) -> String {
        let file = folder.appendingPathComponent(name + ".svg")
        guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticError(.error("no picture \(file.relativePath)", hint: "the pictures are the .svg files in \(folder.relativePath)"))
        }
        return text
    }

    /// The SVG element alone, without prolog, comments or ids; refused if it could run anything.
    static func clean(_ text: String, name: String) throws(DiagnosticError) -> String {
        let lower = text.lowercased()
        for danger in ["<script", "javascript:", "<foreignobject", "<iframe", "<!entity"] where lower.contains(danger) {
            throw DiagnosticError(.error("\(name) holds `\(danger)`; a picture inlined into a web page must not run anything",
                                         hint: "use a plain drawing (paths and shapes only)"))
        }
        if lower.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) != nil {
            throw DiagnosticError(.error("\(name) has an event handler (on…=); a picture inlined into a web page must not run anything",
                                         hint: "use a plain drawing (paths and shapes only)"))
        }
        guard let start = text.range(of: "<svg"), let close = text.range(of: "</svg>", options: .backwards), start.lowerBound < close.lowerBound else {
            throw DiagnosticError(.error("\(name) is not an SVG drawing", hint: "the pictures are SVG files with an <svg> element"))
        }
        var svg = String(text[start.lowerBound..<close.upperBound])
        svg = svg.replacingOccurrences(of: #"<!--[\s\S]*?-->"#, with: "", options: .regularExpression)
        svg = svg.replacingOccurrences(of: #"\sid="[^"]*""#, with: "", options: .regularExpression)
        if svg.contains("url(#") || svg.contains("href=\"#") {
            throw DiagnosticError(.error("\(name) refers to its own ids (url(#…) or href=\"#…\"), which clash once several pictures share a page",
                                         hint: "flatten the drawing (no gradients, clip paths or <use>)"))
        }
        return svg
    }
}
