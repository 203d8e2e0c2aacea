// swift-tools-version: 6.1
// Handbill: structured public-safety guidance → print-ready, accessible PDF.
//
// The pipeline, one target per stage, dependencies pointing one way:
//   HandbillSyntax (guidance folder → Document model)
//   HandbillStyle  (Document + Layouts/ product and variant → StyledDocument)
//   HandbillLayout (Pango measures and breaks lines → positioned pages)
//   HandbillRender (Cairo paints positioned pages → PDF / PNG)
//   HandbillFinish (qpdf: PDF/UA catalog, XMP, artifacts, page boxes, deterministic ID)
//   HandbillBraille (Document model → braille pages through liblouis → .brf / .pef)
//   HandbillWeb    (Document + variant → a self-contained accessible web page)
//   Handbill       (the build: runs the stages, writes Output/ atomically)
//   handbill       (the command line)
import PackageDescription

let package = Package(
    name: "Handbill",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Handbill", targets: ["Handbill"]),
        .executable(name: "handbill", targets: ["handbill"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Local editions' spreadsheets: a streaming RFC 4180 reader (rows one at a time, BOM aware).
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // Thin system-library targets: C headers only, no Swift.
        .systemLibrary(
            name: "CPangoCairo", pkgConfig: "pangocairo pangoft2 fontconfig",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev", "libfontconfig-dev"])]),
        .systemLibrary(
            name: "CCmark", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev"])]),
        .systemLibrary(name: "CQPDF", pkgConfig: "libqpdf", providers: [.apt(["libqpdf-dev"])]),
        // GLib's GMarkup reads XMP: already loaded for Pango, where Foundation's XMLParser brought
        // libxml2 and ICU into every process start.
        .systemLibrary(name: "CGLib", pkgConfig: "glib-2.0", providers: [.apt(["libglib2.0-dev"])]),
        .systemLibrary(name: "CFreeType", pkgConfig: "freetype2", providers: [.apt(["libfreetype-dev"])]),
        // librsvg is opened when the first picture is drawn, not linked (CRsvgLoader/include/CRsvgLoader.h).
        .target(name: "CRsvgLoader"),
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CLouis", pkgConfig: "liblouis", providers: [.apt(["liblouis-dev", "liblouis-data"])]),
        // qpdf's content-stream tokenizer is C++ only: a few lines give it a C face.
        .target(name: "CQPDFTokens", linkerSettings: [.linkedLibrary("qpdf")]),

        .target(name: "HandbillModel"),
        .target(name: "HandbillSyntax", dependencies: ["HandbillModel", "CCmark", "Yams"]),
        .target(name: "HandbillStyle", dependencies: ["HandbillModel", "Yams"]),
        .target(name: "HandbillLayout", dependencies: ["HandbillModel", "HandbillStyle", "CPangoCairo", "CQREncode"]),
        .target(name: "HandbillRender", dependencies: ["HandbillLayout", "CPangoCairo", "CRsvgLoader"]),
        .target(name: "HandbillFinish", dependencies: ["HandbillModel", "CQPDF", "CQPDFTokens", "CGLib", "CFreeType"]),
        .target(name: "HandbillBraille", dependencies: ["HandbillModel", "HandbillStyle", "CLouis"]),
        .target(name: "HandbillWeb", dependencies: ["HandbillModel", "HandbillStyle", "Yams"]),
        .target(name: "Handbill", dependencies: [
            "HandbillModel", "HandbillSyntax", "HandbillStyle", "HandbillLayout", "HandbillRender", "HandbillFinish",
            "HandbillBraille", "HandbillWeb", .product(name: "CSV", package: "CSV.swift"),
        ]),
        .executableTarget(name: "handbill", dependencies: [
            "Handbill", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "HandbillFuzz", dependencies: ["HandbillSyntax", "HandbillModel"]),  // Tests/Tools/fuzz.sh

        .testTarget(name: "HandbillTests", dependencies: [
            "Handbill", "HandbillModel", "HandbillSyntax", "HandbillStyle", "HandbillLayout", "HandbillFinish", "HandbillBraille",
            "HandbillWeb", "Yams",
        ], exclude: ["Hostile", "Fixtures"]),  // the hostile-input corpus and fixtures: test data, not sources
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
