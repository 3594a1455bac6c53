import ArgumentParser
import Foundation
import LeadKit

/// Builds the report again whenever the content or templates change, for `serve` and `build --watch`.
struct Rebuilder {
    var content: String
    var templates: String?
    var output: String
    var asOf: String?

    var watcher: FolderWatcher { FolderWatcher(folders: [content] + (templates.map { [$0] } ?? [])) }

    /// One build; nil when it worked, else what went wrong (a broken file's problems are in the report).
    func build() -> String? {
        do {
            let summary = try Leads.build(
                content: content, templates: templates, output: output, asOf: try ContentOptions.day(asOf),
                reuse: Build.engine().map { BuildReuse(startedAt: Int64(Date().timeIntervalSince1970), engine: $0) })
            say(
                DiagnosticSummary.line(
                    errors: summary.errorCount, warnings: summary.warningCount, files: summary.fileCount)
                    + " · \(summary.written) files written, \(summary.kept) unchanged")
            return nil
        } catch {
            let message = "\(error)"
            say("error: \(message)")
            return message
        }
    }

    /// Builds, then again after every change, calling `after` with each outcome; never returns.
    func run(after: (String?) -> Void) -> Never {
        Self.stopOnSignals()
        var known = watcher.signature()
        after(build())
        while true {
            known = watcher.waitForChange(from: known)
            after(build())
        }
    }

    /// Ctrl-C and `kill` end the process even when it was started with those signals blocked or
    /// ignored (a parent's mask is inherited): this runs until it is told to stop.
    static func stopOnSignals() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    func say(_ line: String) {
        print(line)
        fflush(nil)
    }
}

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve the report on 127.0.0.1 and rebuild it (reloading open pages) on every save.")

    @OptionGroup var options: ContentOptions
    @Option(help: "The port (0: any free one).") var port: Int = 8000
    @Option(help: "A folder of templates overriding the built-in ones (default: templates, when it exists).")
    var templates: String?
    @Option(help: "The report folder.") var output: String = "output"

    func run() throws {
        let rebuilder = Rebuilder(
            content: options.content, templates: try Build.templatesFolder(templates), output: output,
            asOf: options.asOf)
        let server: PreviewServer
        do {
            server = try PreviewServer(output: output, port: port)
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
        Rebuilder.stopOnSignals()
        server.start()
        rebuilder.say("serving http://127.0.0.1:\(server.port)/ — watching \(options.content); Ctrl-C stops")
        rebuilder.run { failure in server.built(failure: failure) }
    }
}
