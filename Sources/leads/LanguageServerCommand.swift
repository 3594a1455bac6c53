import ArgumentParser
import Foundation
import LeadKit

/// `leads lsp`: the language server an editor starts in the project's folder.
struct LanguageServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Serve the Language Server Protocol over stdin/stdout, for editors.",
        discussion: """
            Started by the editor, not by hand: it finds the content folder from the editor's workspace \
            folder as other commands do from the working directory, checks it as you type, and completes \
            stages, sources, owners, dates and [[links]]. The README's "In your editor" section has the \
            setup for VS Code, Neovim, Helix, Zed and Emacs.
            """)

    @Option(name: .customLong("as-of"), help: "The date taken as today (YYYY-MM-DD); default: the local date.")
    var asOf: String?

    @Flag(help: "Accepted for clients that pass it; stdio is the only transport.")
    var stdio = false

    func run() throws {
        let server = LanguageServer(asOf: try ContentOptions.day(asOf), version: LeadsCommand.version)
        Foundation.exit(server.run())
    }
}
