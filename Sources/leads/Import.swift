import ArgumentParser
import Foundation
import LeadKit

extension ImportText.Encoding: ExpressibleByArgument {}

/// The file's text in `encoding`; a file that is not valid in it is reported at its first bad byte
/// (`path:line:column: error: … [invalid-encoding]`) and the command exits 1 without importing.
func importText(_ file: String, encoding: ImportText.Encoding) throws -> String {
    guard let data = FileManager.default.contents(atPath: file) else {
        throw ValidationError("cannot read \(file)")
    }
    switch ImportText.decode(Array(data), file: file, encoding: encoding) {
    case .text(let text):
        return text
    case .refused(let diagnostic):
        printError(diagnostic.formatted)
        throw ExitCode(1)
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create records from contacts and spreadsheets people already have.",
        subcommands: [ImportLinkedIn.self, ImportCSV.self])
}

struct ImportLinkedIn: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "linkedin",
        abstract: "Import LinkedIn's Connections.csv: contacts, their companies and, with --leads, a lead each.")

    @OptionGroup var options: ContentOptions
    @Argument(help: "The Connections.csv of a LinkedIn data export.") var file: String
    @Flag(help: "Also create a lead (source LINKEDIN, first stage) per new contact.") var leads = false
    @Flag(name: .customLong("dry-run"), help: "List what would be created; write nothing.") var dryRun = false
    @Option(
        help:
            "The file's encoding: utf-8 (the default), windows-1252 (Excel's \"CSV (Comma delimited)\") or iso-8859-1.")
    var encoding: ImportText.Encoding = .utf8

    func run() throws {
        let text = try importText(file, encoding: encoding)
        var plan = Authoring.ImportPlan()
        try WriteCommand.run(options, dryRun: dryRun, listOnly: true) { workspace throws(EditError) in
            plan = try Authoring.importLinkedIn(text, withLeads: leads, in: workspace)
            return plan.changes
        }
        for line in plan.skipped { print("skipped \(line)") }
    }
}

struct ImportCSV: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Import spreadsheets (CSV with a header row): a record per row.",
        discussion: """
            Several files are imported together, so a lead may link to a company another file brings: \
            `leads import csv export/*.csv` reads back what `leads export csv` wrote. Without --kind, \
            each file's kind is its name: leads.csv, contacts.csv, companies.csv, interactions.csv, \
            applications.csv, jobs.csv (or the singular).
            """)

    @OptionGroup var options: ContentOptions
    @Argument(help: "The CSV files.") var files: [String]
    @Option(help: "lead, contact, company, interaction, application or job (default: from each file's name).")
    var kind: String?
    @Option(name: .customLong("map"), help: "A column to a field, e.g. \"Full name=name\" (repeatable).")
    var mappings: [String] = []
    @Flag(name: .customLong("skip-invalid"), help: "Import the valid rows and list the others.") var skipInvalid = false
    @Flag(name: .customLong("dry-run"), help: "List what would be created; write nothing.") var dryRun = false
    @Option(
        help:
            "The file's encoding: utf-8 (the default), windows-1252 (Excel's \"CSV (Comma delimited)\") or iso-8859-1.")
    var encoding: ImportText.Encoding = .utf8

    @Option(help: "The field separator: , ; or tab (default: the one the header line uses most).")
    var delimiter: String?

    func run() throws {
        guard !files.isEmpty else { throw ValidationError("name the CSV file to import") }
        let kinds = RecordKind.allCases.map(\.rawValue).joined(separator: ", ")
        var sheets: [Authoring.CSVSheet] = []
        for file in files {
            let recordKind: RecordKind
            if let kind {
                guard let named = RecordKind(named: kind) else {
                    throw ValidationError("--kind must be one of \(kinds), not '\(kind)'")
                }
                recordKind = named
            } else {
                let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
                guard let named = RecordKind(named: stem) else {
                    throw ValidationError(
                        "which kind of record are the rows of \(file)? Pass --kind (\(kinds)), or name the file after the kind, like leads.csv"
                    )
                }
                recordKind = named
            }
            sheets.append(
                Authoring.CSVSheet(
                    name: file, text: try importText(file, encoding: encoding),
                    kind: recordKind))
        }
        var map: [String: String] = [:]
        for mapping in mappings {
            let parts = mapping.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw ValidationError("--map takes column=field, not '\(mapping)'") }
            map[parts[0]] = parts[1]
        }
        let separator: Unicode.Scalar?
        switch delimiter {
        case nil: separator = nil
        case ",", ";": separator = delimiter!.unicodeScalars.first
        case "tab", "\t", "\\t": separator = "\t"
        default: throw ValidationError("--delimiter is one of , ; tab, not '\(delimiter!)'")
        }
        var plan = Authoring.ImportPlan()
        try WriteCommand.run(options, dryRun: dryRun, listOnly: true) { workspace throws(EditError) in
            plan = try Authoring.importCSV(
                sheets, map: map, skipInvalid: skipInvalid, delimiter: separator, in: workspace)
            return plan.changes
        }
        for note in plan.notes { print(note) }
        for line in plan.skipped { print("skipped \(line)") }
    }
}
