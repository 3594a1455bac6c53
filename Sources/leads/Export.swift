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
    @Option(
        help: "For csv: lead, interaction, contact, company, application or job.",
        completion: .list(RecordKind.allCases.map(\.folder)))
    var kind: String?
    @Option(help: "The file to write (default: standard output).") var output: String?
    @Flag(help: "For csv: start with a UTF-8 byte order mark, which Excel needs to read UTF-8.") var bom = false
    @Flag(
        help:
            "For csv: write cells as they are. By default a cell starting with = + - @ tab or CR gets a leading ' so a spreadsheet never runs it as a formula."
    )
    var raw = false

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
            if bom || raw { throw ValidationError("--bom and --raw are for csv") }
            bytes = export.json()
        case .csv:
            // The kind by name or by folder: `job` or `jobs`.
            let kinds = RecordExport.Kind.allCases.map(\.rawValue)
            guard let name = kind?.lowercased() else {
                throw ValidationError("csv needs --kind, one of " + kinds.joined(separator: ", "))
            }
            guard let kind = RecordKind(named: name).flatMap({ RecordExport.Kind(rawValue: $0.rawValue) }) else {
                throw ValidationError(
                    "--kind: unknown kind '\(name)'; expected one of " + kinds.joined(separator: ", ")
                        + (Suggestion.closest(to: name, in: kinds).map { "; did you mean \($0)?" } ?? ""))
            }
            bytes = (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(export.csv(kind, neutralised: !raw).utf8)
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
