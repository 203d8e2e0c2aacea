import Foundation

/// A UK phone number as a person may type it in a spreadsheet (`01415550199`, `+44 (0)141 555 0199`,
/// `0141-555-0199`), checked and written the way Ofcom's numbering plan groups it: `0141 555 0199`.
/// `PhoneNumbers` then keeps the result on one line wherever it is printed.
public enum UKPhoneNumber {
    /// The number grouped for display, or nil when it is not a valid UK number.
    public static func normalised(_ typed: String) -> String? {
        var text = typed.trimmingCharacters(in: .whitespaces)
        // +44 (0)141…: the trunk 0 in brackets is a common way of writing it; it is not dialled after +44.
        text = text.replacingOccurrences(of: "(0)", with: "")
        var digits = ""
        for (index, character) in text.enumerated() {
            if character.isASCII, character.isNumber { digits.append(character) }
            else if character == "+" && index == 0 { digits.append("+") }
            else if !" -().".contains(character) { return nil }
        }
        if digits.hasPrefix("+44") { digits = "0" + digits.dropFirst(3) }
        else if digits.hasPrefix("0044") { digits = "0" + digits.dropFirst(4) }
        guard !digits.contains("+") else { return nil }  // another country's number
        // Short numbers the public dials: 999, 101, 111, and the 116 helplines (116 123).
        if ["999", "112", "101", "111", "105"].contains(digits) { return digits }
        if digits.count == 6, digits.hasPrefix("116") { return group(digits, [3, 3]) }
        guard digits.hasPrefix("0"), digits.count >= 2 else { return nil }
        let area = digits.dropFirst().first!
        switch (area, digits.count) {
        case ("2", 11): return group(digits, [3, 4, 4])                    // 020 7946 0018
        case ("1", 11):
            let third = Array(digits)[2], fourth = Array(digits)[3]
            // 0113…0118 and 0121…0191: large cities, 4-3-4.
            if third == "1" || fourth == "1" { return group(digits, [4, 3, 4]) }  // 0141 555 0199, 0113 496 0000
            return group(digits, [5, 6])                                   // 01632 960123
        case ("1", 10): return group(digits, [5, 5])                       // 01387 55555 (older short numbers)
        case ("3", 11), ("8", 11), ("9", 11): return group(digits, [4, 3, 4])  // 0345 600 0459, 0808 800 5000
        case ("8", 10): return group(digits, [4, 6])                       // 0800 123456
        case ("8", 8): return group(digits, [4, 4])                        // 0800 1111 (Childline)
        case ("7", 11), ("5", 11): return group(digits, [5, 6])            // 07700 900123
        default: return nil
        }
    }

    private static func group(_ digits: String, _ sizes: [Int]) -> String {
        var parts: [Substring] = [], rest = Substring(digits)
        for size in sizes {
            parts.append(rest.prefix(size))
            rest = rest.dropFirst(size)
        }
        return parts.joined(separator: " ")
    }
}
