/// A phone number as a `tel:` address (RFC 3966): digits only, national numbers in international
/// form, so a phone abroad or with another carrier dials the same line: `0345 6000 459` →
/// `tel:+443456000459`. Short numbers (`101`, `999`) only work dialled as written.
public struct TelephoneLink: Sendable {
    public let rules: WebFormat.Telephone

    public init(rules: WebFormat.Telephone) { self.rules = rules }

    public func href(_ written: String) -> String {
        let digits = written.unicodeScalars.filter { ("0"..."9").contains($0) }.map(String.init).joined()
        if written.trimmingCharacters(in: .whitespaces).hasPrefix("+") { return "tel:+" + digits }
        if digits.hasPrefix(rules.trunkPrefix), digits.count >= rules.nationalDigits {
            return "tel:+" + rules.countryCode + digits.dropFirst(rules.trunkPrefix.count)
        }
        return "tel:" + digits
    }
}

import Foundation
