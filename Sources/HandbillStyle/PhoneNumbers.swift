/// Finds UK phone numbers in running text, so layout never splits one across lines.
enum PhoneNumbers {
    struct Piece { var text: String; var isPhone: Bool }

    /// `0345 6000 459`, `0800 1111`, `01415550199`, `+44 141 555 0199`: a leading 0 or +44 and
    /// groups of digits separated by single spaces, ten or eleven digits in all, or an 0800 number.
    nonisolated(unsafe) static let pattern = /(?:\+44 ?|0)\d{2,4}(?: ?\d{3,4}){1,2}/

    static func split(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = text[...]
        while let match = rest.firstMatch(of: pattern) {
            let digits = match.output.filter(\.isNumber).count
            guard (8...12).contains(digits) else {
                pieces.append(Piece(text: String(rest[..<match.range.upperBound]), isPhone: false))
                rest = rest[match.range.upperBound...]
                continue
            }
            if match.range.lowerBound > rest.startIndex {
                pieces.append(Piece(text: String(rest[..<match.range.lowerBound]), isPhone: false))
            }
            pieces.append(Piece(text: String(match.output), isPhone: true))
            rest = rest[match.range.upperBound...]
        }
        if !rest.isEmpty { pieces.append(Piece(text: String(rest), isPhone: false)) }
        return pieces.isEmpty ? [Piece(text: text, isPhone: false)] : pieces
    }
}
