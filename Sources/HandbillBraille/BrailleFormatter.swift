import HandbillModel
import HandbillStyle

/// A braille page: its lines of cells, the first holding the page number at the right.
public struct BraillePage: Equatable, Sendable {
    public var lines: [[UInt8]]
    public init(lines: [[UInt8]]) { self.lines = lines }
}

/// Sets translated paragraphs on braille pages, as `Layouts/formats/braille.yaml` says: lines broken
/// at the blank cells liblouis left breakable, headings centred with blank lines around them,
/// paragraphs and list items with their first-line and runover indents, a heading kept with what
/// follows it, the help services block (and each service) on one page when it fits, and the page
/// number at the top right of every page. Pure: cells in, pages out.
public struct BrailleFormatter {
    public let format: BrailleFormat
    /// The braille of a page number (number sign and digits) in the document's language.
    public let pageNumber: (Int) throws(DiagnosticError) -> BrailleCells

    public init(format: BrailleFormat, pageNumber: @escaping (Int) throws(DiagnosticError) -> BrailleCells) {
        self.format = format
        self.pageNumber = pageNumber
    }

    var width: Int { format.cellsPerLine }
    /// The first line of each page holds the page number alone; text uses the lines under it.
    var textLines: Int { format.linesPerPage - 1 }

    /// A paragraph's lines, each with the blank lines asked for before and after it.
    struct Setting {
        var lines: [[UInt8]]
        var blankBefore: Int
        var blankAfter: Int
        var keepWithNext: Int
        var groups: [String]
    }

    public func pages(_ paragraphs: [BrailleParagraph<BrailleCells>]) throws(DiagnosticError) -> [BraillePage] {
        let settings = try paragraphs.map { paragraph throws(DiagnosticError) in try setting(paragraph) }
        var bodies: [[[UInt8]]] = [[]]
        var previousBlankAfter = 0
        for (index, setting) in settings.enumerated() {
            var blank = bodies[bodies.count - 1].isEmpty ? 0 : max(previousBlankAfter, setting.blankBefore)
            let remaining = textLines - bodies[bodies.count - 1].count
            // What must stand on this page with the paragraph's first line.
            var needed = blank + min(setting.lines.count, 2)
            if setting.keepWithNext > 0, index + 1 < settings.count {
                let next = settings[index + 1]
                needed = blank + setting.lines.count + max(setting.blankAfter, next.blankBefore) + min(setting.keepWithNext, next.lines.count)
            }
            // A keep-together group this paragraph opens: the whole group, when it fits on one page.
            for group in setting.groups where index == 0 || !settings[index - 1].groups.contains(group) {
                let members = settings[index...].prefix { $0.groups.contains(group) }
                let total = groupHeight(Array(members))
                if total <= textLines { needed = max(needed, blank + total) }
            }
            if needed > remaining && !bodies[bodies.count - 1].isEmpty {
                bodies.append([])
                blank = 0
            }
            for _ in 0..<blank { bodies[bodies.count - 1].append([]) }
            for line in setting.lines {
                if bodies[bodies.count - 1].count >= textLines { bodies.append([]) }
                bodies[bodies.count - 1].append(line)
            }
            previousBlankAfter = setting.blankAfter
        }
        // Trailing blank lines of a page say nothing.
        return try bodies.enumerated().map { (index, body) throws(DiagnosticError) in
            var lines = body
            while lines.last?.isEmpty == true { lines.removeLast() }
            let number = try pageNumber(index + 1).cells
            let header = [UInt8](repeating: 0, count: max(0, width - number.count)) + number
            return BraillePage(lines: [header] + lines)
        }
    }

    /// Lines a run of paragraphs takes, with the blank lines between them.
    private func groupHeight(_ members: [Setting]) -> Int {
        var total = 0
        for (i, member) in members.enumerated() {
            if i > 0 { total += max(members[i - 1].blankAfter, member.blankBefore) }
            total += member.lines.count
        }
        return total
    }

    private func setting(_ paragraph: BrailleParagraph<BrailleCells>) throws(DiagnosticError) -> Setting {
        let heading = format.heading
        switch paragraph.role {
        case .title, .heading:
            let lines = paragraph.parts.flatMap { self.lines(of: $0, first: 0, runover: 0) }
                .map { heading.centred ? centred($0) : $0 }
            return Setting(lines: lines, blankBefore: heading.blankBefore, blankAfter: heading.blankAfter,
                           keepWithNext: heading.keepWithNext, groups: paragraph.groups)
        case .paragraph:
            return plain(paragraph, format.paragraph, before: format.paragraph.blankBefore, after: format.paragraph.blankAfter)
        case .callout:
            return plain(paragraph, format.callout, before: format.callout.blankBefore, after: format.callout.blankAfter)
        case .listItem(let depth):
            let list = format.list
            let nested = BrailleFormat.Indent(firstCell: list.firstCell + depth * list.nestedIndent,
                                              runoverCell: list.runoverCell + depth * list.nestedIndent)
            return plain(paragraph, nested, before: paragraph.startsList ? list.blankBefore : 0,
                         after: paragraph.endsList ? list.blankAfter : 0)
        case .service, .serviceName:
            // A service's name opens it with a blank line, so each service stands apart.
            let services = format.services
            return plain(paragraph, BrailleFormat.Indent(firstCell: services.firstCell, runoverCell: services.runoverCell),
                         before: paragraph.role == .serviceName ? 1 : 0, after: 0)
        }
    }

    private func plain(_ paragraph: BrailleParagraph<BrailleCells>, _ indent: BrailleFormat.Indent, before: Int, after: Int) -> Setting {
        var lines: [[UInt8]] = []
        for (index, part) in paragraph.parts.enumerated() {
            lines += self.lines(of: part, first: (index == 0 ? indent.firstCell : indent.runoverCell) - 1, runover: indent.runoverCell - 1)
        }
        return Setting(lines: lines, blankBefore: before, blankAfter: after, keepWithNext: 0, groups: paragraph.groups)
    }

    /// Centres a line in the page's width.
    private func centred(_ line: [UInt8]) -> [UInt8] {
        let text = Array(line.drop { $0 == 0 })
        return [UInt8](repeating: 0, count: max(0, (width - text.count) / 2)) + text
    }

    /// Breaks cells into lines of at most `width` cells: at breakable blank cells; a run with no
    /// break in it longer than a line (a long address) is divided at the line's end, the divided
    /// line ending in the continuation cell.
    public func lines(of text: BrailleCells, first: Int, runover: Int) -> [[UInt8]] {
        // Words: the cells between breakable blanks.
        var words: [[UInt8]] = [[]]
        for (cell, breakable) in zip(text.cells, text.breakable) {
            if breakable { words.append([]) } else { words[words.count - 1].append(cell) }
        }
        words = words.filter { !$0.isEmpty }
        let continuation = UInt8((format.continuation.unicodeScalars.first?.value ?? 0x2810) - 0x2800)
        var lines: [[UInt8]] = []
        var line = [UInt8](repeating: 0, count: first)
        var lineHasWord = false
        for word in words {
            var word = word
            let room = width - line.count - (lineHasWord ? 1 : 0)
            if word.count <= room {
                if lineHasWord { line.append(0) }
                line += word
                lineHasWord = true
                continue
            }
            if word.count <= width - runover {
                lines.append(line)
                line = [UInt8](repeating: 0, count: runover) + word
                lineHasWord = true
                continue
            }
            // Longer than any line: divide it, filling this line first when a useful piece fits.
            if lineHasWord {
                if room >= 6 {
                    line.append(0)
                    line += word.prefix(room - 1) + [continuation]
                    word.removeFirst(room - 1)
                }
                lines.append(line)
                line = [UInt8](repeating: 0, count: runover)
            }
            while word.count > width - line.count {
                let piece = width - line.count - 1
                line += word.prefix(piece) + [continuation]
                word.removeFirst(piece)
                lines.append(line)
                line = [UInt8](repeating: 0, count: runover)
            }
            line += word
            lineHasWord = true
        }
        if lineHasWord { lines.append(line) }
        return lines
    }
}
