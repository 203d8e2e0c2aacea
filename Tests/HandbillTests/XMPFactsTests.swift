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

    @Test func brokenXMLIsSaidToBe() {
        let facts = XMPFacts(Array("<x:xmpmeta><rdf:RDF></x:xmpmeta>".utf8))
        #expect(facts.error?.hasPrefix("it is not well-formed XML") == true, "\(facts.error ?? "no error")")
        #expect(XMPFacts(Array("<a>unfinished".utf8)).error != nil)
        #expect(XMPFacts([0xFF, 0xFE, 0x00]).error != nil)  // not UTF-8
    }
}
