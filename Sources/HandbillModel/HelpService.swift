/// A service people can turn to, listed in the help block with its phone number and address.
public struct HelpService: Equatable, Sendable {
    public var name: String
    /// Written as the service publishes it, e.g. `0345 6000 459`; never split across lines.
    public var phone: String?
    public var url: String?
    /// Who it is for and what it does, in one or two sentences.
    public var audience: String?
    /// Where the front matter lists it, for messages about it (a number too wide for the page).
    public var location: SourceLocation?

    public init(name: String, phone: String?, url: String?, audience: String?, location: SourceLocation? = nil) {
        self.location = location
        self.name = name
        self.phone = phone
        self.url = url
        self.audience = audience
    }
}
