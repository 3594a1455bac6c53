import ArgumentParser
import Foundation
import LeadKit

struct SetFields: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change fields of a record: leads set acme temperature=HOT owner=Bob next_follow_up=+7d")

    @OptionGroup var options: ContentOptions
    @Argument(help: "The record: an id, its unique start, or a name.") var id: String
    @Argument(parsing: .allUnrecognized, help: "field=value … (field= removes it).") var assignments: [String] = []
    @Flag(name: .customLong("dry-run"), help: "Show the change as a diff; write nothing.") var dryRun = false

    func run() throws {
        try WriteCommand.run(options, dryRun: dryRun) { workspace throws(EditError) in
            try Authoring.set(id, assignments, in: workspace)
        }
    }
}

struct Snooze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Move a lead's next follow-up to a later date (+7d, next monday, 2026-12-07).")

    @OptionGroup var options: ContentOptions
    @Argument(help: "The lead.") var lead: String
    @Argument(help: "Until when.") var date: String
    @Option(parsing: .unconditional, help: "Why: a dated line in the lead's notes.") var reason: String?
    @Flag(name: .customLong("dry-run"), help: "Show the change as a diff; write nothing.") var dryRun = false

    func run() throws {
        try WriteCommand.run(options, dryRun: dryRun) { workspace throws(EditError) in
            try Authoring.snooze(lead, until: date, reason: reason, in: workspace)
        }
    }
}

struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take back the last write command's changes, if its files are still as it left them.")

    @OptionGroup var options: ContentOptions
    @Flag(name: .customLong("dry-run"), help: "List what would be taken back; write nothing.") var dryRun = false

    func run() throws {
        let root = options.content
        let lock: ContentLock?
        do {
            lock = try ContentLock.acquire(root: root) {
                printError("waiting for another leads command to finish in \(root)…")
            }
        } catch {
            printError("error: \(error.description)")
            throw ExitCode(1)
        }
        defer { withExtendedLifetime(lock) {} }
        guard let journal = UndoJournal.load(root: root) else {
            printError(
                "error: nothing to undo in \(root): no write command to take back (undo takes back the last one, once)")
            throw ExitCode(1)
        }
        let changes = journal.inverse
        let writer = ContentWriter(root: root)
        do {
            try writer.verify(changes)
            if dryRun {
                print("would take back `\(journal.command)`:")
                for change in changes { print("  " + change.line(root: root, planned: true)) }
                return
            }
            try writer.apply(changes)
        } catch {
            printError(
                "error: cannot undo `\(journal.command)`: "
                    + error.description.replacingOccurrences(
                        of: " while leads was working; run the command again",
                        with: " since; undo only takes back files left as the command wrote them"))
            throw ExitCode(1)
        }
        UndoJournal.clear(root: root)
        print("took back `\(journal.command)`:")
        for change in changes { print("  " + change.line(root: root)) }
    }
}
