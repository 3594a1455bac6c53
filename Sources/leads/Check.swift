import ArgumentParser
import Foundation
import LeadKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every record and report every problem, compiler style.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @OptionGroup var options: ContentOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "Fail on warnings too.")
    var strict = false

    func run() throws {
        let checked: CheckedContent
        do {
            checked = try Leads.check(content: options.content, asOf: try options.asOfDay())
        } catch let error as LoadError {
            throw usageError(error)
        }
        switch format {
        case .text:
            for diagnostic in checked.diagnostics { print(diagnostic.formatted) }
            print(
                DiagnosticSummary.line(
                    errors: checked.errorCount, warnings: checked.warningCount, files: checked.fileCount))
        case .json:
            print(Diagnostic.json(checked.diagnostics))
        }
        finish(failing: checked.errorCount > 0 || (strict && checked.warningCount > 0), keeping: checked)
    }
}
