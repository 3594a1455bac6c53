import ArgumentParser
import Foundation
import LeadKit

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve the report on 127.0.0.1 and rebuild it (reloading open pages) on every save.")

    @OptionGroup var options: ContentOptions
    // Unconditional, so that `--port -1` is read as a port (and refused as one), not as an option.
    @Option(parsing: .unconditional, help: "The port, 0 to 65535 (0: any free one).") var port: Int = 8000
    @Option(
        help:
            "A folder of templates overriding the built-in ones (default: templates beside the content folder, when it holds .mustache files)."
    )
    var templates: String?
    @Option(name: .customLong("output"), help: "The report folder (default: output beside the content folder).")
    var outputOption: String?

    var output: String { outputOption ?? options.projectPath("output") }
    @Flag(name: .customLong("no-git"), help: "Do not read the content folder's git history.") var noGit = false

    func run() throws {
        guard let port = UInt16(exactly: port) else {
            throw ValidationError("--port must be a number from 0 to 65535, not \(port)")
        }
        let build = BuildOptions(
            content: options.content, templates: try Build.templatesFolder(templates, options: options),
            output: output,
            asOf: try options.asOfDay(), engine: Build.engine(), git: !noGit)
        let server: PreviewServer
        let bound: UInt16
        do {
            server = try PreviewServer(output: output, port: port)
            bound = try server.start()
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
        Watch.say("serving http://127.0.0.1:\(bound)/ — watching \(options.content); Ctrl-C stops")
        Watch.run(build) { failure in server.built(failure: failure) }
    }
}
