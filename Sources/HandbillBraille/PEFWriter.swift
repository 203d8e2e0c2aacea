import HandbillModel

/// Portable Embosser Format 1.0 (http://www.daisy.org/ns/2008/pef): one volume, one section, a
/// page per braille page and a row per line, in Unicode braille. The metadata carries the title,
/// language, format and an identifier made from the content; no clock, so the same pages give the
/// same bytes.
public struct PEFWriter {
    public struct Metadata: Sendable {
        public var title: String
        public var language: String
        public var publisher: String?
        public var date: String?
        public var source: String?

        public init(title: String, language: String, publisher: String? = nil, date: String? = nil, source: String? = nil) {
            self.title = title
            self.language = language
            self.publisher = publisher
            self.date = date
            self.source = source
        }
    }

    public let cellsPerLine: Int
    public let linesPerPage: Int

    public init(cellsPerLine: Int, linesPerPage: Int) {
        self.cellsPerLine = cellsPerLine
        self.linesPerPage = linesPerPage
    }

    public func write(_ pages: [BraillePage], metadata: Metadata) -> [UInt8] {
        var body = ""
        for page in pages {
            body += "        <page>\n"
            for line in page.lines {
                var cells = line
                while cells.last == 0 { cells.removeLast() }
                body += cells.isEmpty ? "          <row/>\n" : "          <row>\(BrailleCells.unicode(cells))</row>\n"
            }
            body += "        </page>\n"
        }
        let identifier = "handbill:" + Fingerprint.of(Array(body.utf8)).replacingOccurrences(of: "fnv1a64:", with: "")
        var meta = """
              <dc:format>application/x-pef+xml</dc:format>
              <dc:identifier>\(escape(identifier))</dc:identifier>
              <dc:title>\(escape(metadata.title))</dc:title>
              <dc:language>\(escape(metadata.language))</dc:language>

        """
        if let publisher = metadata.publisher { meta += "      <dc:publisher>\(escape(publisher))</dc:publisher>\n" }
        if let date = metadata.date { meta += "      <dc:date>\(escape(date))</dc:date>\n" }
        if let source = metadata.source { meta += "      <dc:source>\(escape(source))</dc:source>\n" }
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <pef version="2008-1" xmlns="http://www.daisy.org/ns/2008/pef">
          <head>
            <meta xmlns:dc="http://purl.org/dc/elements/1.1/">
        \(meta)    </meta>
          </head>
          <body>
            <volume cols="\(cellsPerLine)" rows="\(linesPerPage)" rowgap="0" duplex="false">
              <section>
        \(body)      </section>
            </volume>
          </body>
        </pef>

        """
        return Array(xml.utf8)
    }

    private func escape(_ text: String) -> String { XMLText.escaped(text, droppingControls: true) }
}
