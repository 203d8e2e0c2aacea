import HandbillModel
import HandbillStyle

/// The guidance in braille pages: its paragraphs (BrailleSource), each translated whole by liblouis
/// with the language's table (BrailleTranslator), set on pages (BrailleFormatter).
public struct BrailleTranscriber {
    public let format: BrailleFormat
    public let strings: LanguageStrings

    public init(format: BrailleFormat, strings: LanguageStrings) {
        self.format = format
        self.strings = strings
    }

    public func pages(_ document: Document) throws(DiagnosticError) -> [BraillePage] {
        let table = try BrailleTable.resolve(document.metadata.language, in: format)
        let translator = BrailleTranslator(table: table)
        let paragraphs = BrailleSource(strings: strings, emphasis: format.emphasis).paragraphs(document)
        // A character the table has no braille for is an error that names it, not a `\x…` escape.
        try translator.checkCoverage(of: paragraphs.flatMap(\.parts).flatMap { $0 }.map(\.text).joined(separator: " "))
        let translated = try paragraphs.map { paragraph throws(DiagnosticError) in
            try paragraph.map { runs throws(DiagnosticError) in try translator.translate(runs) }
        }
        return try BrailleFormatter(format: format) { number throws(DiagnosticError) in try translator.number(number) }.pages(translated)
    }
}
