/// An sRGB colour, written `#RRGGBB` in layout files.
public struct Colour: Equatable, Hashable, Sendable, Decodable, CustomStringConvertible {
    public var red: Double, green: Double, blue: Double

    public init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    public init?(hex: String) {
        // Six hex digits exactly: `UInt32(_:radix:)` alone would take `#+FFFFF`.
        guard hex.count == 7, hex.first == "#", hex.dropFirst().allSatisfy(\.isHexDigit),
              let value = UInt32(hex.dropFirst(), radix: 16) else { return nil }
        red = Double((value >> 16) & 0xFF) / 255
        green = Double((value >> 8) & 0xFF) / 255
        blue = Double(value & 0xFF) / 255
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let colour = Colour(hex: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "`\(text)` is not a colour written #RRGGBB"))
        }
        self = colour
    }

    public var description: String {
        "#" + [red, green, blue].map { String(format2: Int(($0 * 255).rounded())) }.joined()
    }

    /// WCAG 2.2 relative luminance.
    public var luminance: Double {
        func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// WCAG 2.2 contrast ratio, from 1 to 21.
    public func contrast(with other: Colour) -> Double {
        let (a, b) = (luminance, other.luminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }
}

private extension String {
    init(format2 value: Int) {
        let hex = String(value, radix: 16, uppercase: true)
        self = hex.count == 1 ? "0" + hex : hex
    }
}

import Foundation
