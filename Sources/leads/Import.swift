import ArgumentParser
import Foundation
import LeadKit

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create records from contacts people already have.", subcommands: [ImportLinkedIn.self])
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
        var skipped: [String] = []
        try WriteCommand.run(options, dryRun: dryRun, listOnly: true) { workspace throws(EditError) in
            let plan = try Authoring.importLinkedIn(text, withLeads: leads, in: workspace)
            skipped = plan.skipped
            return plan.changes
        }
        for line in skipped { print("skipped \(line)") }
    }
}
