import ArgumentParser

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect", abstract: "Report a PDF's language, title, tags, pages, boxes, fonts and accessibility problems.")

    @Argument(help: "PDF files to inspect (from Handbill or any other tool).")
    var files: [String]

    func run() throws {}
}
