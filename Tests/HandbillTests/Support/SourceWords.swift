import HandbillModel
import HandbillStyle

extension Document {
    /// Every word the source gives a reader, in source order: title, summary, body, help services.
    var words: [String] {
        var text = [metadata.title, metadata.summary ?? ""] + blocks.map(\.plainText) + [servicesTitle]
        for service in services {
            text += [service.name, service.phone ?? "", service.audience ?? "", service.url.map(Address.display) ?? ""]
        }
        return Words.of(text.joined(separator: " "))
    }
}
