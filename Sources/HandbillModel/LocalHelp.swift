/// Where a local edition's own contact goes and the words around it, as the guidance source says
/// (`local-help:` in the front matter; each translation gives its own words).
public struct LocalHelp: Equatable, Sendable {
    public enum Place: String, Sendable, CaseIterable {
        /// The first entry of the help block, under its heading, before the national services.
        case first
        /// The last entry of the help block, after the national services.
        case last
    }

    public var place: Place
    /// The local block's heading: "Your school's contact".
    public var title: String
    /// The small print naming the edition: "Local edition for {organisation}".
    public var edition: String
    public var email: String
    public var address: String
    public var hours: String

    public init(place: Place = .first, title: String, edition: String, email: String = "Email",
                address: String = "Address", hours: String = "Hours") {
        self.place = place
        self.title = title
        self.edition = edition
        self.email = email
        self.address = address
        self.hours = hours
    }

    /// "Local edition for Hillhead High School".
    public func editionLine(for organisation: String) -> String {
        edition.contains("{organisation}") ? edition.replacingOccurrences(of: "{organisation}", with: organisation)
            : edition + " " + organisation
    }
}

/// One row of an editions spreadsheet, checked: a school's or police station's own contact.
public struct LocalContact: Equatable, Sendable, Codable {  // Codable: sent to edition worker processes
    /// Safe as a folder name; names the edition's folder.
    public var id: String
    public var organisation: String
    public var contact: String?
    public var role: String?
    /// Normalised for display: `0141 555 0199`.
    public var phone: String
    public var email: String?
    /// A full address (`https://…`).
    public var website: String?
    public var address: String?
    public var hours: String?
    /// An absolute path to a PNG or SVG inside the spreadsheet's folder.
    public var logo: String?

    public init(id: String, organisation: String, contact: String? = nil, role: String? = nil, phone: String,
                email: String? = nil, website: String? = nil, address: String? = nil, hours: String? = nil, logo: String? = nil) {
        self.id = id
        self.organisation = organisation
        self.contact = contact
        self.role = role
        self.phone = phone
        self.email = email
        self.website = website
        self.address = address
        self.hours = hours
        self.logo = logo
    }
}

extension String {
    /// `replacingOccurrences` without Foundation, for the model target.
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        var result = "", rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
