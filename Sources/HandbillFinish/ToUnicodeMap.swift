import CQPDFTokens
import HandbillModel

/// A font's /ToUnicode CMap: the text each character code stands for (PDF 32000-1, 9.10.3), from
/// its `bfchar` and `bfrange` sections. A CMap is PostScript, but the tokens it uses are PDF's, so
/// qpdf's tokenizer reads it and qpdf's parser gives the strings' bytes.
struct ToUnicodeMap {
    /// The most codes one bfrange may cover (every 2-byte code): more means a broken map.
    static let largestRange = 0x10000

    private(set) var characters: [UInt32: String] = [:]

    /// The text for a character code; nil when the map does not have it.
    subscript(code: UInt32) -> String? { characters[code] }

    init(cmap: [UInt8], pdf: QPDF) throws(DiagnosticError) {
        let tokens: [ContentToken]
        do throws(DiagnosticError) {
            tokens = try ContentToken.tokenize(cmap).filter { !$0.isIgnorable }
        } catch {
            let reason = error.diagnostics.first?.message ?? "it cannot be tokenized"
            throw DiagnosticError(.error("a /ToUnicode CMap cannot be read (\(reason))",
                                         hint: "re-export the PDF with Unicode mapping; `qpdf --check` may say more"))
        }
        var reader = Reader(tokens: tokens, pdf: pdf)
        while let token = reader.next() {
            guard token.type == hb_tt_word else { continue }
            if token.text == "beginbfchar" { readChars(&reader) }
            if token.text == "beginbfrange" { readRanges(&reader) }
        }
    }

    /// `<0003> <0041>` pairs up to `endbfchar`: one code, its text.
    private mutating func readChars(_ reader: inout Reader) {
        while let source = reader.next(), !source.isWord("endbfchar"), let target = reader.next() {
            if let code = reader.code(source), let text = reader.text(target) { characters[code] = text }
        }
    }

    /// Triples up to `endbfrange`: `<0003> <0005> <0041>` gives 0003 → A, 0004 → B, 0005 → C;
    /// `<0006> <0007> [<0061> <0062>]` gives each code of the range its own text.
    private mutating func readRanges(_ reader: inout Reader) {
        while let low = reader.next(), !low.isWord("endbfrange"), let high = reader.next(), let target = reader.next() {
            let first = reader.code(low), last = reader.code(high)
            let targets = target.type == hb_tt_array_open ? reader.arrayStrings() : nil
            guard let first, let last, first <= last, Int(last - first) < Self.largestRange else { continue }
            if let targets {
                for (offset, bytes) in targets.prefix(Int(last - first) + 1).enumerated() {
                    characters[first + UInt32(offset)] = Reader.utf16(bytes)
                }
            } else if let start = target.bytes(in: reader.pdf), !start.isEmpty {
                for offset in 0...(last - first) {
                    characters[first + offset] = Reader.utf16(Reader.adding(offset, to: start))
                }
            }
        }
    }

    /// The CMap's tokens, one at a time.
    private struct Reader {
        let tokens: [ContentToken]
        let pdf: QPDF
        var index = 0

        mutating func next() -> ContentToken? {
            guard index < tokens.count else { return nil }
            defer { index += 1 }
            return tokens[index]
        }

        /// The strings of an array whose `[` was just read, up to its `]`.
        mutating func arrayStrings() -> [[UInt8]] {
            var strings: [[UInt8]] = []
            while let token = next(), token.type != hb_tt_array_close {
                strings.append(token.bytes(in: pdf) ?? [])
            }
            return strings
        }

        /// A source code's bytes, big-endian: `<0003>` → 3.
        func code(_ token: ContentToken) -> UInt32? {
            guard let bytes = token.bytes(in: pdf), (1...4).contains(bytes.count) else { return nil }
            return bytes.reduce(0) { $0 << 8 | UInt32($1) }
        }

        /// A target string's text; a glyph name (`/space`, allowed in bfchar) is not text.
        func text(_ token: ContentToken) -> String? { token.bytes(in: pdf).map(Self.utf16) }

        /// Targets are UTF-16BE, several code units for a ligature (`<06440627>` → لا).
        static func utf16(_ bytes: [UInt8]) -> String {
            let even = bytes.count % 2 == 0 ? bytes : [0] + bytes
            let units = stride(from: 0, to: even.count, by: 2).map { UInt16(even[$0]) << 8 | UInt16(even[$0 + 1]) }
            return String(decoding: units, as: UTF16.self)
        }

        /// `bytes` as a big-endian number plus `offset`: the spec increments the last byte, and a
        /// carry into the byte before is what writers that overrun it mean.
        static func adding(_ offset: UInt32, to bytes: [UInt8]) -> [UInt8] {
            var result = bytes
            var carry = offset
            for index in result.indices.reversed() where carry > 0 {
                let sum = UInt32(result[index]) + carry
                result[index] = UInt8(sum & 0xFF)
                carry = sum >> 8
            }
            return result
        }
    }
}

private extension ContentToken {
    func isWord(_ word: String) -> Bool { type == hb_tt_word && text == word }
}
