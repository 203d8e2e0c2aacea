@testable import HandbillFinish
import Testing

/// What `handbill inspect` reads from an XMP packet (GLib's GMarkup, namespaces mapped by prefix
/// scope), in the forms tools write it.
@Suite struct XMPFactsTests {
    static func packet(_ body: String) -> [UInt8] {
        Array("""
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            \(body)
            </rdf:RDF></x:xmpmeta>
            <?xpacket end="w"?>
            """.utf8)
    }

    @Test func titleAndPartAsElements() {
        let facts = XMPFacts(Self.packet("""
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
              <dc:title><rdf:Alt><rdf:li xml:lang="pl">Sekstorsja</rdf:li><rdf:li xml:lang="x-default">Sextortion &amp; you</rdf:li></rdf:Alt></dc:title>
              <pdfuaid:part>1</pdfuaid:part>
            </rdf:Description>
            """))
        #expect(facts.error == nil)
        #expect(facts.title == "Sextortion & you")  // x-default first, entities decoded
        #expect(facts.pdfuaPart == 1)
    }

    @Test func partAsAnAttributeUnderAnyPrefix() {
        let facts = XMPFacts(Self.packet("""
            <rdf:Description rdf:about="" xmlns:ua="http://www.aiim.org/pdfua/ns/id/" ua:part="1"/>
            <rdf:Description rdf:about="" xmlns:pdfuaid="http://example.com/not-pdfua/" pdfuaid:part="2"/>
            """))
        #expect(facts.error == nil)
        #expect(facts.pdfuaPart == 1)
        #expect(facts.title == nil)
    }

    @Test func aPrefixMeansWhatItsScopeDeclares() {
        // `dc` is not Dublin Core here, so this is no title.
        let facts = XMPFacts(Self.packet("""
            <rdf:Description rdf:about="" xmlns:dc="http://example.com/other/">
              <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Not a title</rdf:li></rdf:Alt></dc:title>
            </rdf:Description>
            """))
        #expect(facts.title == nil)
    }

    /// XMP allows UTF-8 with a byte-order mark, UTF-16 and UTF-32; CDATA is text.
    @Test(arguments: ["utf8-bom", "utf16be", "utf16le", "utf32be", "utf32le", "cdata"])
    func everyEncodingXMPAllows(encoding: String) {
        let title = encoding == "cdata" ? "<![CDATA[Sextortion & you]]>" : "Sextortion &amp; you"
        let text = String(decoding: Self.packet("""
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
              <dc:title><rdf:Alt><rdf:li xml:lang="x-default">\(title)</rdf:li></rdf:Alt></dc:title><pdfuaid:part>1</pdfuaid:part>
            </rdf:Description>
            """), as: UTF8.self)
        var bytes: [UInt8]
        switch encoding {
        case "utf8-bom": bytes = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case "utf16be": bytes = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case "utf16le": bytes = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case "utf32be": bytes = [0, 0, 0xFE, 0xFF] + text.unicodeScalars.flatMap { s in [24, 16, 8, 0].map { UInt8((s.value >> $0) & 0xFF) } }
        case "utf32le": bytes = [0xFF, 0xFE, 0, 0] + text.unicodeScalars.flatMap { s in [0, 8, 16, 24].map { UInt8((s.value >> $0) & 0xFF) } }
        default: bytes = Array(text.utf8)
        }
        let facts = XMPFacts(bytes)
        #expect(facts.error == nil, "\(encoding): \(facts.error ?? "")")
        #expect(facts.title == "Sextortion & you", "\(encoding)")
        #expect(facts.pdfuaPart == 1, "\(encoding)")
    }

    @Test func brokenXMLIsSaidToBe() {
        let facts = XMPFacts(Array("<x:xmpmeta><rdf:RDF></x:xmpmeta>".utf8))
        #expect(facts.error?.hasPrefix("it is not well-formed XML") == true, "\(facts.error ?? "no error")")
        #expect(XMPFacts(Array("<a>unfinished".utf8)).error != nil)
        #expect(XMPFacts([0xFF, 0xFE, 0x00]).error != nil)  // not UTF-8
    }
}
