/// Finds UK phone numbers in running text, so layout never splits one across lines.
public enum PhoneNumbers {
    public struct Piece { public var text: String; public var isPhone: Bool }

    /// A phone number: starts with 0 or +44, then digit groups separated by single spaces, 8 to 12
    /// digits in all (`0345 6000 459`, `0800 1111`, `01415550199`, `+44 141 555 0199`). A hand-made
    /// scan: Swift Regex made this the slowest step of a build.
    public static func split(_ text: String) -> [Piece] {
        guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return [Piece(text: text, isPhone: false)] }
        let scalars = Array(text.unicodeScalars)
        var pieces: [Piece] = []
        var plainStart = 0, index = 0
        while index < scalars.count {
            if let end = numberEnd(in: scalars, from: index) {
                if plainStart < index { pieces.append(Piece(text: string(scalars[plainStart..<index]), isPhone: false)) }
                pieces.append(Piece(text: string(scalars[index..<end]), isPhone: true))
                index = end
                plainStart = end
            } else {
                index += 1
            }
        }
        if plainStart < scalars.count { pieces.append(Piece(text: string(scalars[plainStart...]), isPhone: false)) }
        return pieces
    }

    /// Where a phone number starting at `start` ends, if one does.
    private static func numberEnd(in s: [Unicode.Scalar], from start: Int) -> Int? {
        func isDigit(_ i: Int) -> Bool { i < s.count && ("0"..."9").contains(s[i]) }
        // Not in the middle of a word or a longer number.
        if start > 0, s[start - 1].properties.isAlphabetic || isDigit(start - 1) { return nil }
        var i = start
        if s[i] == "+" {
            guard i + 2 < s.count, s[i + 1] == "4", s[i + 2] == "4" else { return nil }
            i += 3
            if i < s.count, s[i] == " " { i += 1 }
        } else if s[i] != "0" {
            return nil
        }
        var digits = 0, end = i
        while isDigit(i) {
            while isDigit(i) { i += 1; digits += 1 }
            end = i
            if i < s.count, s[i] == " ", isDigit(i + 1) { i += 1 } else { break }
        }
        if isDigit(end) || (end < s.count && s[end].properties.isAlphabetic) { return nil }
        return (8...12).contains(digits + (s[start] == "+" ? 2 : 0)) ? end : nil
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }
}
