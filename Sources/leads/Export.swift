import ArgumentParser
import Foundation
import LeadKit

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the records as CSV (one kind) or JSON (everything), with links resolved.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    @OptionGroup var options: ContentOptions
    @Argument(help: "csv or json.") var format: Format
    @Option(help: "For csv: lead, interaction, contact, company, application or job.") var kind: String?
    @Option(help: "The file to write (default: standard output).") var output: String?

    func run() throws {
        let asOf = try options.asOfDay()
        let checked: CheckedContent
        do {
            checked = try Leads.check(content: options.content, asOf: asOf)
        } catch let error as LoadError {
            throw usageError(error)
        }
        let export = RecordExport(report: ReportAnalyzer(content: checked, asOf: asOf).analyze())
        let bytes: [UInt8]
        switch format {
        case .json:
            bytes = export.json()
        case .csv:
            guard let name = kind, let kind = RecordExport.Kind(rawValue: name.lowercased()) else {
                throw ValidationError(
                    "csv needs --kind, one of "
                        + RecordExport.Kind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            bytes = Array(export.csv(kind).utf8)
        }
        for diagnostic in checked.diagnostics where diagnostic.severity == .error {
            printError(diagnostic.formatted)
        }
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else {
                printError("error: cannot write \(output)")
                throw ExitCode(1)
            }
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}
