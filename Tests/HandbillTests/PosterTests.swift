import Foundation
import Handbill
import HandbillLayout
import HandbillModel
import HandbillStyle
import HandbillSyntax
import Testing

/// Posters: one page, type fitted to it above the product's floor, QR codes a phone can read,
/// and a clear error, not cut-off text, when the content cannot fit.
@Suite struct PosterTests {
    static let workspace = Project.workspace

    static func job(_ product: String, _ variant: String) -> Job {
        Job(guidance: "sextortion", product: product, variant: variant, language: "en")
    }

    @Test func anA3PosterIsOnePageWithTypeAboveItsFloor() throws {
        let document = try Builder(workspace: Self.workspace).layout(try Project.document(), job: Self.job("poster-a3", "standard"))
        #expect(document.pages.count == 1)
        let body = document.pages[0].lines.filter { $0.text.contains("Don’t talk any further") }
        let size = try #require(body.first?.sizes.max())
        #expect(size >= 19.6, "the advice is set at \(size)pt, below the A3 floor")
        #expect(document.pages[0].lines.contains { $0.text.contains("101") && ($0.sizes.max() ?? 0) > 40 }, "the help line is not large")
    }

    /// A poster's help list breaks long addresses after a slash or before a dot. Readers take a
    /// change of line for a space, so the paragraph is given whole, as /ActualText: a screen
    /// reader reads each address as one (not "ceop.police.uk/ safety-centre"), and a service's
    /// name and address, on lines of their own, still apart.
    @Test func aScreenReaderReadsAddressesBrokenAcrossLinesWhole() throws {
        let folder = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try Builder(workspace: Self.workspace).build(try Project.document(), job: Self.job("poster-a4", "standard"), output: folder)[0]
        let reading = try StructureReading(pdf).reading
        for phrase in ["ceop.police.uk/safety-centre", "Report Remove, from Childline childline.org.uk/remove", "Take It Down takeitdown.ncmec.org"] {
            #expect(reading.contains(phrase), "“\(phrase)” not read whole")
        }
    }

    @Test func everyQRCodeDecodesToItsAddressWithAltText() throws {
        let folder = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try Builder(workspace: Self.workspace).build(try Project.document(), job: Self.job("poster-a3", "standard"),
                                                                 output: folder, png: true)
        let png = try #require(files.first { $0.pathExtension == "png" })
        let decoded = try CommandResult.run("zbarimg", ["--quiet", "--raw", png.path]).stdout
        let urls = Set(decoded.split(separator: "\n").map(String.init))
        // The guidance names the services whose codes go on posters (`poster: links:`).
        let document = try Project.document(), linked = try #require(document.poster?.links)
        let expected = document.services.filter { linked.contains($0.name) }.compactMap(\.url)
        #expect(expected.count == 3)
        #expect(urls == Set(expected), "decoded \(urls)")
        let figures = try PDFReader(url: files[0]).objects().values.compactMap { $0 as? [String: Any] }.filter { $0["/S"] as? String == "/Figure" }
        #expect(figures.count == expected.count)
        #expect(figures.allSatisfy { (($0["/Alt"] as? String) ?? "").contains("QR code for") })
        #expect(try PDFUAChecker.passes(files[0].path))
    }

    @Test func contentThatCannotFitIsAnErrorSayingByHowMuch() throws {
        // An over-long poster text: thirty more points of advice in the section the poster shows.
        var document = try Project.document()
        let section = try #require(document.blocks.firstIndex { $0.plainText == "What to do if it happens" })
        let point: [Block] = [.paragraph([.strong([.text("Keep every message, as the police may need it as evidence.")])])]
        document.blocks.insert(.list(ordered: false, start: 1, items: Array(repeating: point, count: 30)), at: section + 1)
        document.blockLocations.insert(document.blockLocations[section], at: section + 1)
        document.poster?.ifTooLong = []  // and no shorter text from the author
        #expect {
            try Builder(workspace: Self.workspace).layout(document, job: Self.job("poster-a4", "standard"))
        } throws: { error in
            let text = (error as? DiagnosticError)?.description ?? ""
            return text.contains("does not fit") && text.contains(" mm past the page") && text.contains("poster-a3")
        }
    }

    @Test func aPosterNotMadeInAVariantSaysWhichItIsMadeIn() throws {
        // Every poster is made in every variant now: a copy of Layouts/ whose A4 poster is not.
        let folder = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let layouts = folder.appendingPathComponent("Layouts")
        try FileManager.default.copyItem(at: Project.root.appendingPathComponent("Layouts"), to: layouts)
        let file = layouts.appendingPathComponent("products/poster-a4.yaml")
        try (String(contentsOf: file, encoding: .utf8) + "variants: [standard, easy-read]\n").write(to: file, atomically: true, encoding: .utf8)
        let workspace = try Workspace(layouts: layouts, fonts: Project.root.appendingPathComponent("Fonts"))
        #expect {
            try Builder(workspace: workspace).layout(try Project.document(), job: Self.job("poster-a4", "large-print"))
        } throws: { error in
            let text = (error as? DiagnosticError)?.description ?? ""
            return text.contains("not made in the large-print variant") && text.contains("products/poster-a4.yaml")
        }
    }

    @Test func everyPosterIsMadeInEveryVariant() throws {
        let layouts = Self.workspace.layouts
        for product in ["poster-a4", "poster-a3", "poster-a2"] {
            for variant in layouts.variants.keys {
                #expect(try layouts.product(product).isMade(in: variant), "\(product) is not made in \(variant)")
            }
        }
    }

    static let guidance = try! GuidanceFolder(Project.sextortion)

    /// The A4 poster in large print and dyslexia friendly, built and read back: one page; the advice
    /// (everything above the help line's number) at the product's floor or larger, read from the PDF
    /// by pdfminer; nothing smaller than the variant's small print; no ink outside the margins
    /// (poppler's rendering); every QR code decoding (zbarimg) to its service's address; and the
    /// points printed are one of the author's texts, the full one where it fits.
    @Test(arguments: ["en", "ar", "ur", "zh-Hant", "pa", "pl"])
    func a4PostersInLargePrintAndDyslexiaFitAboveTheFloor(language: String) throws {
        let layouts = Self.workspace.layouts
        let product = try layouts.product("poster-a4")
        let document = try Self.guidance.document(language: language)
        let poster = try #require(document.poster)
        for name in ["large-print", "dyslexia"] {
            let variant = try layouts.variant(name)
            let floor = try #require(product.poster?.minimumBodyPt[variant.standard.rawValue])
            let folder = Project.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let files = try Builder(workspace: Self.workspace).build(
                document, job: Job(guidance: "sextortion", product: "poster-a4", variant: name, language: language), output: folder, png: true)
            let pdf = try #require(files.first { $0.pathExtension == "pdf" })
            let pages = try PDFGlyphs(pdf).pages
            #expect(pages.count == 1, "\(name) \(language): \(pages.count) pages")
            let glyphs = try #require(pages.first)
            // The help line's number is the largest type on the poster; the advice is above it.
            let number = try #require(glyphs.max { $0.size < $1.size })
            let advice = glyphs.filter { $0.bottom < number.top }
            let smallestAdvice = advice.map(\.size).min() ?? 0
            #expect(!advice.isEmpty && smallestAdvice >= floor - 0.05, "\(name) \(language): advice at \(smallestAdvice)pt, the floor is \(floor)pt")
            let smallest = glyphs.map(\.size).min() ?? 0
            #expect(smallest >= variant.sizes.footer - 0.05, "\(name) \(language): text at \(smallest)pt")
            // No ink outside the margins (the safe area of an office printer), but for a glyph's
            // overhang past its line (Nastaliq and Gurmukhi ink reaches up to 0.7 mm): 1 mm allowed.
            let outside = try Self.darkPixelsOutside(mm: product.marginsMM.left - 1, of: pdf)
            #expect(outside == 0, "\(name) \(language): \(outside) dark pixels outside the margins")
            // The QR codes of the services the guidance links, from a print-like rendering (300 dpi: at
            // 200 zbar misses all three on the cream dyslexia page in Arabic, which it reads at 150 and 300).
            let png = folder.appendingPathComponent("page-300dpi")
            try CommandResult.run("pdftoppm", ["-r", "300", "-png", "-singlefile", pdf.path, png.path])
            let decoded = Set(try CommandResult.run("zbarimg", ["--quiet", "--raw", png.path + ".png"]).stdout.split(separator: "\n").map(String.init))
            let expected = Set(document.services.filter { poster.links?.contains($0.name) ?? true }.compactMap(\.url))
            #expect(decoded == expected, "\(name) \(language): decoded \(decoded)")
            // The points a screen reader reads are exactly one of the author's texts.
            let reading = Self.collapsed(try StructureReading(pdf).reading)
            let text = Self.printedText(poster, in: document, reading: reading)
            #expect(text != nil, "\(name) \(language): the points printed are none of the poster's texts")
            if name == "dyslexia" || language == "zh-Hant" { #expect(text == 0, "\(name) \(language): a shorter text, though the full one fits") }
            if name == "large-print" && ["en", "ar", "pl"].contains(language) { #expect(text == 1, "\(name) \(language): text \(String(describing: text))") }
        }
    }

    /// The easy-read poster, built and read back: its section's three pictured points, words in
    /// order (the structure tree; pdftotext's words, in order where the script is left to right),
    /// each a Figure with its picture's Alt just before its words, besides a Figure per QR code; no
    /// advice below the floor and nothing below the small print (pdfminer); no ink outside the
    /// margins; every QR code decoding; PDF/UA clean. At A4 in Arabic and Polish the three points
    /// fit with the easy-read author's shorter text, two codes (`if-too-long: links:`).
    @Test(arguments: ["poster-a4", "poster-a3"], ["en", "ar", "pl"])
    func easyReadPostersCarryTheirPicturedPoints(productName: String, language: String) throws {
        let layouts = Self.workspace.layouts
        let product = try layouts.product(productName), variant = try layouts.variant("easy-read")
        let floor = try #require(product.poster?.minimumBodyPt["easy-read"])
        let document = try Self.guidance.edition("easy-read").document(language: language)
        let poster = try #require(document.poster)
        let section = try #require(poster.sections.first)
        let start = try #require(document.blocks.firstIndex { if case .heading(2, let content) = $0 { content.plainText == section } else { false } })
        let points = document.blocks[(start + 1)...].prefix { if case .point = $0 { true } else { false } }
            .compactMap { block -> (alt: String, words: String)? in
                if case .point(let picture, let content) = block { (picture.alt, Self.collapsed(content.plainText)) } else { nil }
            }
        #expect(points.count == 3, "\(language): \(points.count) points in “\(section)”")
        let folder = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try Builder(workspace: Self.workspace).build(
            document, job: Job(guidance: "sextortion", product: productName, variant: "easy-read", language: language), output: folder, png: true)
        let pdf = try #require(files.first { $0.pathExtension == "pdf" })
        let label = "\(productName) \(language)"
        // The words, in order, as a screen reader gets them.
        let structure = try StructureReading(pdf)
        let reading = Self.collapsed(structure.reading)
        let found = points.map { reading.range(of: $0.words)?.lowerBound }
        #expect(found.allSatisfy { $0 != nil }, "\(label): points missing from the structure tree: \(reading)")
        #expect(found.compactMap { $0 } == found.compactMap { $0 }.sorted(), "\(label): points out of order")
        // And as copy-and-paste gets them: every word (bidi marks and punctuation aside; poppler
        // gives right-to-left lines in visual order), and in order where the script runs left to right.
        func words(_ text: String) -> [String] {
            text.unicodeScalars.filter { !(0x200E...0x202E).contains($0.value) }.map(String.init).joined()
                .components(separatedBy: CharacterSet.letters.union(.decimalDigits).union(.nonBaseCharacters).inverted).filter { !$0.isEmpty }
        }
        let pasted = try PDFReader(url: pdf).text()
        let pastedWords = Set(words(pasted))
        for point in points { #expect(words(point.words).allSatisfy(pastedWords.contains), "\(label): pdftotext lacks “\(point.words)”") }
        if language != "ar" {
            let flat = Self.collapsed(pasted)
            let at = points.map { flat.range(of: $0.words)?.lowerBound }
            #expect(at.allSatisfy { $0 != nil } && at.compactMap { $0 } == at.compactMap { $0 }.sorted(), "\(label): pdftotext: \(flat)")
        }
        // A Figure with the picture's Alt right before each point's words; one Figure per QR code besides.
        let figures = try PDFReader(url: pdf).objects().values.compactMap { $0 as? [String: Any] }.filter { $0["/S"] as? String == "/Figure" }
        let alts = figures.compactMap { ($0["/Alt"] as? String).map { $0.hasPrefix("u:") ? String($0.dropFirst(2)) : $0 } }  // qpdf's JSON marks Unicode strings
        #expect(alts.filter { !$0.contains("QR code for") }.sorted() == points.map(\.alt).sorted(), "\(label): Alt texts \(alts)")
        let roles = structure.roles.filter { $0 != "Document" }
        let firstFigure = try #require(roles.firstIndex(of: "Figure"))
        #expect(Array(roles[firstFigure..<min(roles.count, firstFigure + 6)]) == ["Figure", "P", "Figure", "P", "Figure", "P"], "\(label): \(roles)")
        // Which codes: the full poster's, but A4 in Arabic and Polish (the shorter text's two).
        let shorter = productName == "poster-a4" && language != "en"
        let links = try #require(poster.texts[shorter ? 1 : 0].links)
        let expected = Set(document.services.filter { links.contains($0.name) }.compactMap(\.url))
        #expect(expected.count == (shorter ? 2 : 3))
        #expect(alts.filter { $0.contains("QR code for") }.count == expected.count, "\(label): \(alts)")
        let png = folder.appendingPathComponent("page-300dpi")
        try CommandResult.run("pdftoppm", ["-r", "300", "-png", "-singlefile", pdf.path, png.path])
        let decoded = Set(try CommandResult.run("zbarimg", ["--quiet", "--raw", png.path + ".png"]).stdout.split(separator: "\n").map(String.init))
        #expect(decoded == expected, "\(label): decoded \(decoded)")
        // Sizes: the advice (above the help line's number) at the floor or larger, nothing below the small print.
        let glyphs = try #require(try PDFGlyphs(pdf).pages.first)
        let number = try #require(glyphs.max { $0.size < $1.size })
        let advice = glyphs.filter { $0.bottom < number.top }
        #expect(!advice.isEmpty && advice.map(\.size).min()! >= floor - 0.05, "\(label): advice at \(advice.map(\.size).min() ?? 0)pt, the floor is \(floor)pt")
        #expect(glyphs.map(\.size).min()! >= variant.sizes.footer - 0.05, "\(label): text at \(glyphs.map(\.size).min()!)pt")
        #expect(try Self.darkPixelsOutside(mm: product.marginsMM.left - 1, of: pdf) == 0, "\(label): ink outside the margins")
        #expect(try PDFUAChecker.passes(pdf.path), "\(label): PDF/UA")
    }

    /// Dark pixels (poppler's rendering at 72 dpi) nearer the page's edge than `mm`.
    static func darkPixelsOutside(mm: Double, of pdf: URL) throws -> Int {
        let margin = points(mm: mm)
        let page = try RenderedPage(pdf: pdf, dpi: 72, grey: true)
        var outside = 0
        for y in 0..<page.height {
            for x in 0..<page.width where Double(x) < margin || Double(x) > Double(page.width) - margin
                || Double(y) < margin || Double(y) > Double(page.height) - margin {
                if page.value(x, y) < 200 { outside += 1 }
            }
        }
        return outside
    }

    @Test func aShorterTextLinksOnlyCodesTheFullPosterHas() throws {
        var document = try Self.guidance.edition("easy-read").document(language: "en")
        document.poster?.ifTooLong = [PosterSelection(sections: ["3 important things"], links: ["Revenge Porn Helpline"])]
        #expect {
            try Builder(workspace: Self.workspace).layout(document, job: Job(guidance: "sextortion", product: "poster-a3", variant: "easy-read", language: "en"))
        } throws: { error in
            let text = (error as? DiagnosticError)?.description ?? ""
            return text.contains("“Revenge Porn Helpline”") && text.contains("the full poster does not have")
        }
        // A translation's shorter text names the same services, by position.
        let polish = try Self.guidance.edition("easy-read").document(language: "pl")
        let source = try Self.guidance.edition("easy-read").document(language: "en")
        let names = try #require(polish.poster?.ifTooLong.first?.links)
        #expect(names.count == 2 && names.allSatisfy { name in polish.services.contains { $0.name == name && $0.url != nil } })
        #expect(names.map { name in polish.services.firstIndex { $0.name == name } }
                == (source.poster?.ifTooLong.first?.links ?? []).map { name in source.services.firstIndex { $0.name == name } })
    }

    /// Which of the poster's texts (0 the full one) a reading holds: all of its points and none of
    /// the others' (points the key message repeats aside).
    static func printedText(_ poster: PosterContent, in document: Document, reading: String) -> Int? {
        let callout = document.blocks.compactMap { block -> String? in if case .callout = block { block.plainText } else { nil } }.joined()
        let all = PosterSelection.leads(in: document.blocks)
        func points(_ selection: PosterSelection) -> Set<String> {
            Set(all.filter { selection.keeps(lead: $0) && !collapsed(callout).contains(collapsed($0)) }.map(collapsed))
        }
        let full = points(poster.texts[0])
        let found = Set(full.filter { reading.contains($0) })
        return poster.texts.firstIndex { points($0) == found }
    }

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A shorter text naming a point the guidance does not have is an error at the source's `poster:`.
    @Test func aMisnamedPointIsAnErrorAtThePostersLine() throws {
        var document = try Project.document()
        document.poster?.ifTooLong = [PosterSelection(sections: ["What to do if it happens"], items: ["Dont talk to the criminals."])]
        #expect {
            try Builder(workspace: Self.workspace).layout(document, job: Self.job("poster-a4", "standard"))
        } throws: { error in
            let text = (error as? DiagnosticError)?.description ?? ""
            return text.contains("Guidance/sextortion/guidance.md:") && text.contains("names a point “Dont talk to the criminals.”")
        }
    }

    @Test func theShorterTextIsPrintedOnlyWhereTheFullOneDoesNotFit() throws {
        // Thirty more points of advice: the full poster cannot fit A4; the author's shorter text can.
        var document = try Project.document()
        let section = try #require(document.blocks.firstIndex { $0.plainText == "What to do if it happens" })
        let point: [Block] = [.paragraph([.strong([.text("Keep every message, as the police may need it as evidence.")])])]
        document.blocks.insert(.list(ordered: false, start: 1, items: Array(repeating: point, count: 30)), at: section + 1)
        document.blockLocations.insert(document.blockLocations[section], at: section + 1)
        document.poster?.ifTooLong = [PosterSelection(sections: ["What to do if it happens"], items: ["Don't pay."])]
        let shorter = try Builder(workspace: Self.workspace).layout(document, job: Self.job("poster-a4", "standard"))
        let text = shorter.pages[0].lines.map(\.text).joined(separator: "\n")
        #expect(shorter.pages.count == 1)
        #expect(text.contains("Don’t pay.") && !text.contains("Keep every message") && !text.contains("Deactivate any social"), "\(text)")
        // The guidance as it is: the full text in the standard variant, the author's first shorter one in large print.
        let guidance = try Project.document()
        let standard = try Builder(workspace: Self.workspace).layout(guidance, job: Self.job("poster-a4", "standard")).pages[0].lines.map(\.text).joined()
        let large = try Builder(workspace: Self.workspace).layout(guidance, job: Self.job("poster-a4", "large-print")).pages[0].lines.map(\.text).joined()
        #expect(standard.contains("Report the incident to your local police force") && standard.contains("Deactivate any social"))
        #expect(!large.contains("Report the incident to your local police force") && large.contains("Deactivate any social"))
        // A shorter text that does not fit either is still an error, naming both shortfalls.
        document.poster?.ifTooLong = [PosterSelection(sections: ["What to do if it happens"])]
        #expect {
            try Builder(workspace: Self.workspace).layout(document, job: Self.job("poster-a4", "standard"))
        } throws: { error in
            let text = (error as? DiagnosticError)?.description ?? ""
            return text.contains("does not fit") && text.contains("shorter texts (`poster: if-too-long:`)") && text.contains("poster-a3")
        }
    }

    @Test func aShorterTextNamesPointsTheGuidanceHas() throws {
        var document = try Project.document()
        document.poster?.ifTooLong = [PosterSelection(sections: ["What to do if it happens"], items: ["Don’t panic!"])]
        #expect {
            try Builder(workspace: Self.workspace).layout(document, job: Self.job("poster-a4", "large-print"))
        } throws: { error in
            let text = (error as? DiagnosticError)?.description ?? ""
            return text.contains("“Don’t panic!”") && text.contains("Don't panic.")
        }
        // In the source's front matter, misspelt in the last shorter text: a translation's poster,
        // which uses the first, says so too (the name is kept, not dropped).
        let folder = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("sextortion")
        try FileManager.default.copyItem(at: Project.sextortion, to: copy)
        let source = copy.appendingPathComponent("guidance.md")
        let text = try String(contentsOf: source, encoding: .utf8)
        let misspelt = text.replacingOccurrences(of: "- items: [\"Don’t talk any further to the criminals.\"]", with: "- items: [\"Don’t talk to the criminals.\"]")
        #expect(misspelt != text)
        try misspelt.write(to: source, atomically: true, encoding: .utf8)
        let polish = try GuidanceFolder(copy).document(language: "pl")
        #expect {
            try Builder(workspace: Self.workspace).layout(polish, job: Job(guidance: "sextortion", product: "poster-a4", variant: "dyslexia", language: "pl"))
        } throws: { error in
            ((error as? DiagnosticError)?.description ?? "").contains("“Don’t talk to the criminals.”")
        }
    }

    @Test func aSectionWithNothingChosenLeavesNoHeading() throws {
        // Its points have no bold first words, so a poster has none of them to print.
        var document = try Project.document()
        document.poster?.sections = ["What to do if it happens", "How to reduce the risk of sextortion happening"]
        let text = try Builder(workspace: Self.workspace).layout(document, job: Self.job("poster-a3", "standard")).pages[0].lines.map(\.text).joined()
        #expect(text.contains("What to do if it happens") && !text.contains("How to reduce the risk"))
    }

    @Test func aShorterTextThatNamesNothingIsASourceError() throws {
        let folder = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("sextortion")
        try FileManager.default.copyItem(at: Project.sextortion, to: copy)
        let source = copy.appendingPathComponent("guidance.md")
        var lines = try String(contentsOf: source, encoding: .utf8).components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("  if-too-long:") })
        lines.replaceSubrange(start...(start + 2), with: ["  if-too-long: { items: [] }"])
        try lines.joined(separator: "\n").write(to: source, atomically: true, encoding: .utf8)
        #expect {
            try GuidanceFolder(copy).document(language: "en")
        } throws: { error in
            let text = (error as? DiagnosticError)?.description ?? ""
            return text.contains("guidance.md:\(start + 1)") && text.contains("must name the sections, the points or the QR codes")
        }
    }

    @Test func translationsTakeTheShorterTextsByPosition() throws {
        let source = try Self.guidance.document(language: "en"), polish = try Self.guidance.document(language: "pl")
        let english = try #require(source.poster?.ifTooLong.first?.items)
        let translated = try #require(polish.poster?.ifTooLong.first?.items)
        let sourceLeads = PosterSelection.leads(in: source.blocks), polishLeads = PosterSelection.leads(in: polish.blocks)
        #expect(translated.count == english.count)
        #expect(translated.map { polishLeads.firstIndex(of: $0) } == english.map { PosterSelection.index(of: $0, in: sourceLeads) })
        #expect(translated.first?.hasPrefix("Nie rozmawiaj") == true, "\(translated)")
    }

    @Test func qrModulesAreAtLeastFourTenthsOfAMillimetre() throws {
        let code = try QRCode(encoding: "https://revengepornhelpline.org.uk")
        #expect(throws: DiagnosticError.self) { try code.items(width: points(mm: 10), alt: "x", dark: .init(red: 0, green: 0, blue: 0), light: .init(red: 1, green: 1, blue: 1)) }
        #expect(try code.items(width: points(mm: 30), alt: "x", dark: .init(red: 0, green: 0, blue: 0), light: .init(red: 1, green: 1, blue: 1)).count > 20)
    }
}
