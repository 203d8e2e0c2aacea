import Foundation
import HandbillModel
import Yams

/// Where each key of a layout file stands, so a rule a file breaks is reported at its line.
///
/// The decoder that reads layout files forgets lines; this composes the same text with Yams and
/// looks keys up by their dotted path (`margins-mm.top`, `colours.text`, `months`).
struct LayoutKeyLines {
    let file: String
    private let root: Node?

    /// What a layout file's values are resolved with: nothing (values are typed by the decoded
    /// type, and keys and lines are all that is looked up here), but merge keys (`<<: *base`) in
    /// a file that may have one. Yams's rules are regular expressions, and the first one made
    /// starts ICU's regular-expression engine (~8 M instructions, 3 % of a cold leaflet build);
    /// each key looked up is matched against them.
    static func resolver(for text: String) -> Resolver {
        text.contains("<<") ? merging : .basic
    }

    private static let merging = Resolver.basic.appending(.merge)

    init(text: String, file: String) {
        self.init(root: try? Yams.compose(yaml: text, Self.resolver(for: text), .default, .utf8), file: file)
    }

    /// From the file's node, already composed (with `resolver`) for the decoder: one parse, not two.
    init(root: Node?, file: String) {
        self.file = file
        self.root = root
    }

    /// The line of the deepest key of `path` the file has; line 1 when it has none of it.
    func location(of path: [String]) -> SourceLocation {
        var node = root, found: Node?
        for component in path {
            if let index = component.split(separator: " ").last.flatMap({ Int($0) }), component.hasPrefix("Index ") {
                node = node?.sequence.flatMap { index < $0.count ? $0[index] : nil }
            } else {
                node = node?.mapping?[component]
            }
            guard let node else { break }
            found = node
        }
        guard let mark = found?.mark else { return SourceLocation(file: file, line: 1) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    /// The line of the first key a rule's message names in backticks (`` `sizes-pt.body` ``,
    /// `` `leading: 1.1` ``); line 1 when it names none the file has.
    func location(mentionedIn message: String) -> SourceLocation {
        let quoted = message.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map(\.element)
        for text in quoted {
            let key = text.split(separator: ":").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
            let path = key.split(separator: ".").map(String.init)
            guard !path.isEmpty, root?.mapping?[path[0]] != nil else { continue }
            return location(of: path)
        }
        return SourceLocation(file: file, line: 1)
    }
}
