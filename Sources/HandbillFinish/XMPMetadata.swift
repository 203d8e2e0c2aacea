import HandbillModel

/// The XMP metadata packet PDF/UA-1 asks for: Dublin Core title, language and creator, the
/// dates, the producer, and `pdfuaid:part` 1.
enum XMPMetadata {
    static func packet(_ options: FinishOptions) -> String {
        let keywords = options.keywords.joined(separator: ", ")
        return """
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
             <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <rdf:Description rdf:about=""
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
                xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
               <dc:format>application/pdf</dc:format>
               <dc:title><rdf:Alt><rdf:li xml:lang="x-default">\(escaped(options.title))</rdf:li></rdf:Alt></dc:title>
               <dc:description><rdf:Alt><rdf:li xml:lang="x-default">\(escaped(options.subject))</rdf:li></rdf:Alt></dc:description>
               <dc:creator><rdf:Seq><rdf:li>\(escaped(options.author))</rdf:li></rdf:Seq></dc:creator>
               <dc:language><rdf:Bag><rdf:li>\(escaped(options.language))</rdf:li></rdf:Bag></dc:language>
               <xmp:CreateDate>\(options.date)</xmp:CreateDate>
               <xmp:ModifyDate>\(options.date)</xmp:ModifyDate>
               <xmp:MetadataDate>\(options.date)</xmp:MetadataDate>
               <xmp:CreatorTool>\(escaped(options.creator))</xmp:CreatorTool>
               <pdf:Producer>\(escaped(options.producer))</pdf:Producer>
               <pdf:Keywords>\(escaped(keywords))</pdf:Keywords>
               <pdfuaid:part>1</pdfuaid:part>
              </rdf:Description>
             </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """
    }

    /// XMLText.escaped: one pass, and none for text with nothing to escape (Foundation's `replacingOccurrences`,
    /// four times a field, cost ~1 M instructions a document).
    static func escaped(_ text: String) -> String { XMLText.escaped(text) }
}
