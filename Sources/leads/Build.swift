import ArgumentParser
import Foundation
import LeadKit

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the content folder as a static HTML report.")

    @OptionGroup var options: ContentOptions

    @Option(help: "A folder of templates overriding the built-in ones (default: templates, when it exists).")
    var templates: String?

    @Option(help: "The report folder, replaced as a whole.")
    var output: String = "output"

    @Flag(help: "Exit 1 when the content has any problem.")
    var strict = false

    func run() throws {
        var isFolder: ObjCBool = false
        let folder = templates ?? "templates"
        let templatesExist =
            FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue
        if templates != nil && !templatesExist {
            throw ValidationError("templates folder '\(folder)' does not exist")
        }
        let checked: CheckedContent
        do {
            checked = try Leads.build(
                content: options.content, templates: templatesExist ? folder : nil, output: output,
                asOf: try options.asOfDay())
        } catch let error as LoadError {
            throw usageError(error)
        } catch let error as TemplateError {
            printError(error.description)
            throw ExitCode(1)
        } catch let error as WriteError {
            printError("error: \(error.description)")
            throw ExitCode(1)
        }
        for diagnostic in checked.diagnostics { print(diagnostic.formatted) }
        print(
            DiagnosticSummary.line(errors: checked.errorCount, warnings: checked.warningCount, files: checked.fileCount)
        )
        print("wrote report to \(output)/index.html")
        if strict && !checked.diagnostics.isEmpty { throw ExitCode(1) }
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
