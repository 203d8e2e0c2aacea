import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import HandbillModel

/// The facts read from an XMP packet: dc:title and pdfuaid:part, whether written as elements or
/// as attributes of rdf:Description (both are valid RDF, and tools differ).
struct XMPFacts {
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let pdfuaID = "http://www.aiim.org/pdfua/ns/id/"

    var title: String?
    var pdfuaPart: Int?
    /// Why the packet could not be read: a stream qpdf cannot decode, or XML that is not well formed.
    var error: String?

    init(stream: PDFObject) {
        do throws(DiagnosticError) {
            self.init(try stream.streamData())
        } catch {
            self.init(title: nil, pdfuaPart: nil, error: error.diagnostics.first?.message ?? "its stream cannot be decoded")
        }
    }

    init(title: String?, pdfuaPart: Int?, error: String?) {
        self.title = title
        self.pdfuaPart = pdfuaPart
        self.error = error
    }

    init(_ bytes: [UInt8]) {
        let reader = Reader()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = true
        parser.delegate = reader
        // swift-corelibs' parse() can return true after an error, so the delegate's first error decides.
        if !parser.parse() || reader.firstError != nil {
            error = "it is not well-formed XML: " + (reader.firstError ?? "libxml2 could not parse it")
        }
        let titles = reader.titles
        title = (titles.first { $0.language == "x-default" } ?? titles.first).map(\.text)
        pdfuaPart = reader.part.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var titles: [(language: String?, text: String)] = []
        var part: String?
        /// libxml2's error code and the line, e.g. `error 76 at line 3`.
        var firstError: String?
        private var prefixes: [String: String] = [:]
        private var path: [(namespace: String, name: String)] = []
        private var text = ""
        private var language: String?

        func parser(_ parser: XMLParser, didStartMappingPrefix prefix: String, toURI namespaceURI: String) {
            prefixes[prefix] = namespaceURI
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            path.append((namespaceURI ?? "", elementName))
            text = ""
            language = attributes["xml:lang"]
            // pdfuaid:part="1" written as an attribute of rdf:Description.
            for (key, value) in attributes {
                let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
                if parts.count == 2, parts[1] == "part", prefixes[parts[0]] == XMPFacts.pdfuaID { part = value }
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            if firstError == nil { firstError = "error \((parseError as NSError).code) at line \(parser.lineNumber)" }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            let element = path.removeLast()
            if element.namespace == XMPFacts.pdfuaID, element.name == "part" {
                part = text
            } else if element.namespace == XMPFacts.rdf, element.name == "li",
                      path.contains(where: { $0.namespace == XMPFacts.dublinCore && $0.name == "title" }) {
                let words = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if !words.isEmpty { titles.append((language, words)) }
            }
            text = ""
        }
    }
}
