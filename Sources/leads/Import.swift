import ArgumentParser
import Foundation
import LeadKit

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

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("cannot read \(file)")
        }
        let text = String(decoding: data, as: UTF8.self)
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
        commandName: "csv", abstract: "Import a spreadsheet (CSV with a header row): a record per row.")

    @OptionGroup var options: ContentOptions
    @Argument(help: "The CSV file.") var file: String
    @Option(help: "lead, contact, company or interaction.") var kind: String
    @Option(name: .customLong("map"), help: "A column to a field, e.g. \"Full name=name\" (repeatable).")
    var mappings: [String] = []
    @Flag(name: .customLong("skip-invalid"), help: "Import the valid rows and list the others.") var skipInvalid = false
    @Flag(name: .customLong("dry-run"), help: "List what would be created; write nothing.") var dryRun = false

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("cannot read \(file)")
        }
        guard let kind = RecordKind(rawValue: kind.lowercased()), kind != .application else {
            throw ValidationError("--kind must be lead, contact, company or interaction, not '\(self.kind)'")
        }
        var map: [String: String] = [:]
        for mapping in mappings {
            let parts = mapping.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw ValidationError("--map takes column=field, not '\(mapping)'") }
            map[parts[0]] = parts[1]
        }
        let text = String(decoding: data, as: UTF8.self)
        var plan = Authoring.ImportPlan()
        try WriteCommand.run(options, dryRun: dryRun, listOnly: true) { workspace throws(EditError) in
            plan = try Authoring.importCSV(text, kind: kind, map: map, skipInvalid: skipInvalid, in: workspace)
            return plan.changes
        }
        for note in plan.notes { print(note) }
        for line in plan.skipped { print("skipped \(line)") }
    }
}
