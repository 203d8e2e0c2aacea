import CLouis
import HandbillModel

/// Text to braille cells through liblouis (`lou_translate`), one paragraph at a time: grade 2
/// contractions span words, so a paragraph is translated whole and broken into lines afterwards,
/// at blank cells that do not come from inside a phone number or address (liblouis says which
/// input character each cell comes from).
public struct BrailleTranslator: Sendable {
    public let table: BrailleTable

    public init(table: BrailleTable) { self.table = table }

    /// liblouis's widechar holds UTF-32 (Debian) or UTF-16, as `lou_charSize()` says.
    private static func units(_ text: String) -> [widechar] {
        Louis.characterSize == 4 ? text.unicodeScalars.map { widechar($0.value) } : text.utf16.map { widechar($0) }
    }

    public func translate(_ runs: [BrailleRun]) throws(DiagnosticError) -> BrailleCells {
        var input: [widechar] = [], typeform: [formtype] = [], unbreakable: [Bool] = []
        for run in runs {
            let units = Self.units(run.text)
            input += units
            // Bold as the author asked; a phone number or address uncontracted, as the reader types it.
            var form = run.strong ? formtype(emph_3.rawValue) /* bold */ : formtype(plain_text.rawValue)
            if run.unbreakable { form |= formtype(no_contract.rawValue) }
            typeform += Array(repeating: form, count: units.count)
            unbreakable += Array(repeating: run.unbreakable, count: units.count)
        }
        guard !input.isEmpty else { return BrailleCells(cells: [], breakable: []) }
        let (output, sources) = try translate(input, typeform: typeform)
        var cells: [UInt8] = [], breakable: [Bool] = [], tooManyDots: [Int] = []
        for (index, unit) in output.enumerated() {
            let pattern = unit &- 0x2800
            guard unit >= 0x2800, pattern <= 0x3F else {
                tooManyDots.append(sources[index])
                continue
            }
            let source = sources[index]
            cells.append(UInt8(pattern))
            breakable.append(pattern == 0 && !(source >= 0 && source < unbreakable.count && unbreakable[source]))
        }
        if !tooManyDots.isEmpty {
            let characters = Set(tooManyDots.compactMap { $0 >= 0 && $0 < input.count ? input[$0] : nil })
            throw unwritable(characters.sorted())
        }
        return BrailleCells(cells: cells, breakable: breakable)
    }

    /// The braille of a page number: the number sign and the digits, as the language's table writes them.
    public func number(_ value: Int) throws(DiagnosticError) -> BrailleCells {
        var cells = try translate([BrailleRun(String(value))])
        cells.breakable = cells.cells.map { _ in false }
        return cells
    }

    /// The characters of `text` the table has no braille for (liblouis would write them as `\x…` escapes).
    public func undefinedCharacters(in text: String) -> [Unicode.Scalar] {
        let distinct = Set(text.unicodeScalars.filter { !$0.properties.isWhitespace && !$0.properties.isDefaultIgnorableCodePoint })
        return distinct.sorted { $0.value < $1.value }.filter { scalar in
            let units = Self.units(String(scalar))
            guard let (output, _) = try? translate(units, typeform: units.map { _ in 0 }, mode: Int32(noUndefined.rawValue)) else { return true }
            return output.allSatisfy { $0 == 0x2800 }
        }
    }

    /// Fails, naming the characters, when the table cannot write some of `text` in six-dot braille.
    public func checkCoverage(of text: String) throws(DiagnosticError) {
        let missing = undefinedCharacters(in: text)
        guard missing.isEmpty else { throw unwritable(missing.map { widechar($0.value) }) }
    }

    private func unwritable(_ units: [widechar]) -> DiagnosticError {
        let named = units.prefix(8).map { unit -> String in
            let scalar = Unicode.Scalar(UInt32(unit)) ?? "?"
            let name = scalar.properties.name ?? "U+\(String(unit, radix: 16, uppercase: true))"
            return "\u{2068}\(Character(scalar))\u{2069} (\(name))"
        }.joined(separator: ", ")
        return DiagnosticError(.error("liblouis's `\(table.tableList)` cannot write \(named)\(units.count > 8 ? " and \(units.count - 8) more" : "") in six-dot braille for `\(table.language)`",
                                      hint: "braille for this language needs a table that covers these characters: see `tables:` in Layouts/formats/braille.yaml"))
    }

    /// lou_translate with Unicode braille out; returns the output and, for each output cell, the
    /// input position it comes from. Grows the output buffer until the whole input fits.
    private func translate(_ input: [widechar], typeform: [formtype], mode: Int32 = 0) throws(DiagnosticError) -> ([widechar], [Int]) {
        var capacity = input.count * 4 + 64
        while true {
            // liblouis may write typeforms back for the output: room for as many as output cells.
            var typeforms = typeform + [formtype](repeating: 0, count: max(0, capacity - typeform.count))
            var output = [widechar](repeating: 0, count: capacity)
            var inputPos = [Int32](repeating: -1, count: capacity)
            var inLength = Int32(input.count), outLength = Int32(capacity)
            let mode = Int32(dotsIO.rawValue | ucBrl.rawValue) | mode
            let (status, log) = Louis.exclusively {
                lou_translate(table.tableList, input, &inLength, &output, &outLength, &typeforms, nil, nil, &inputPos, nil, mode)
            }
            guard status != 0 else {
                throw DiagnosticError(.error("liblouis could not translate with `\(table.tableList)`\(log.isEmpty ? "" : ": " + log.joined(separator: "; "))",
                                             hint: "check `tables.\(table.language)` in Layouts/formats/braille.yaml"))
            }
            if Int(inLength) < input.count || Int(outLength) >= capacity {
                capacity *= 2
                continue
            }
            let count = Int(outLength)
            return (Array(output[..<count]), inputPos[..<count].map(Int.init))
        }
    }
}
