import ArgumentParser
import Foundation
import LeadKit

/// What every write command does around its plan: open the folder, refuse or write every change,
/// say what changed, and check the records it touched.
enum WriteCommand {
    /// `listOnly`: a dry run lists the files it would write instead of printing their diff.
    static func run(
        _ options: ContentOptions, dryRun: Bool = false, listOnly: Bool = false,
        plan: (Workspace) throws(EditError) -> [FileChange]
    ) throws {
        // Held from the first read to the last write: a second command waits, then plans from what
        // this one wrote.
        let lock: ContentLock?
        do {
            lock = try ContentLock.acquire(root: options.content) {
                printError("waiting for another leads command to finish in \(options.content)…")
            }
        } catch {
            printError("error: \(error.description)")
            throw ExitCode(1)
        }
        defer { withExtendedLifetime(lock) {} }
        let workspace: Workspace
        do {
            workspace = try Workspace(root: options.content, asOf: try options.asOfDay())
        } catch let error as LoadError {
            throw usageError(error)
        }
        let changes: [FileChange]
        let planned: CheckedContent
        do {
            try workspace.refuseConflictedConfiguration()
            changes = try plan(workspace)
            planned = try workspace.checkPlanned(changes)
            if dryRun {
                for change in changes {
                    if listOnly {
                        print(change.line(root: options.content, planned: true))
                    } else {
                        print(UnifiedDiff.of(change, root: options.content), terminator: "")
                    }
                }
                return
            }
            // Only the tests set this: it stops the process between two writes, as a crash would.
            let interrupt = ProcessInfo.processInfo.environment["LEADS_INTERRUPT_AFTER_WRITES"].flatMap { Int($0) }
            let failure = ProcessInfo.processInfo.environment["LEADS_FAIL_AFTER_WRITES"].flatMap { Int($0) }
            try ContentWriter(root: options.content).apply(
                changes, stamps: workspace.stamps, interruptAfter: interrupt, failAfter: failure)
        } catch {
            printError("error: \(error.description)")
            throw ExitCode(1)
        }
        for change in changes { print(change.line(root: options.content)) }
        // What `leads undo` takes back; a journal that cannot be written only costs the undo.
        do {
            try UndoJournal(command: commandLine, changes: changes).save(root: options.content)
        } catch {
            printError("warning: leads undo will not be able to take this back: \(error.description)")
        }
        try report(planned, touched: changes, options: options)
    }

    /// `leads move acme WARM_LEAD`, as typed (arguments with spaces quoted), for the undo journal.
    static var commandLine: String {
        (["leads"] + CommandLine.arguments.dropFirst().map { $0.contains(" ") || $0.isEmpty ? "'\($0)'" : $0 })
            .joined(separator: " ")
    }

    /// Prints the problems `leads check` finds in the files the command wrote (warnings: errors were
    /// refused before writing), from the in-memory check of the planned folder.
    static func report(_ planned: CheckedContent, touched changes: [FileChange], options: ContentOptions) throws {
        let loader = ContentLoader(root: options.content)
        let touched = Set(changes.filter { $0.kind != .delete }.map { loader.displayPath($0.path) })
        let problems = planned.diagnostics.filter { touched.contains($0.location.file) }
        for problem in problems { print(problem.formatted) }
        if problems.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }

    /// A required value: the option, else asked for on a terminal, else a usage error.
    static func required(_ value: String?, option: String, prompt: String) throws -> String {
        if let value { return value }
        guard isatty(STDIN_FILENO) == 1 else {
            throw ValidationError("missing \(option) (stdin is not a terminal to ask for it)")
        }
        print("\(prompt): ", terminator: "")
        fflush(nil)
        guard let line = readLine(), !line.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("missing \(option)")
        }
        return line
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a content folder with a config.yml and one example of each record.")

    @Argument(help: "The folder to create (default: content).")
    var folder: String = "content"

    @Option(
        name: .customLong("as-of"), parsing: .unconditional, help: "The date the examples are dated from (YYYY-MM-DD).")
    var asOf: String?

    func run() throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? ["?"]
            if !isFolder.boolValue || !entries.isEmpty {
                printError("error: refusing to initialize \(folder): it exists and is not an empty folder")
                throw ExitCode(1)
            }
        }
        let day = try ContentOptions.day(asOf)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let changes = Authoring.initialFiles(asOf: day)
            try ContentWriter(root: folder).apply(changes)
            for change in changes { print(change.line(root: folder)) }
            if let line = try Self.ignoreReport(beside: folder) { print(line) }
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
        // In a git clone the merge driver is registered now; elsewhere `leads git-setup` does it later.
        if GitSetup.isInsideWorkTree(folder), GitSetup.registerDriver(in: folder) {
            print("git now merges \(folder)/**/*.md with `leads merge-file` (leads must be on the PATH)")
        } else {
            print("once \(folder) is in a git repository, run `leads git-setup --content \(folder)` in each clone")
        }
        // Found from here on by its `.leads/` marker: no --content needed.
        print("next: leads check, then leads build (from here or inside \(folder))")
    }
}

extension Init {
    /// Adds `/output/` to the `.gitignore` of the folder holding `folder` (the project's root, where
    /// `leads build` writes the report), creating it when there is none; says what it did, nil when
    /// the line was there already.
    static func ignoreReport(beside folder: String) throws -> String? {
        let root = URL(fileURLWithPath: folder).standardizedFileURL.deletingLastPathComponent()
        let file = root.appendingPathComponent(".gitignore")
        let parent = (folder as NSString).deletingLastPathComponent
        let shown = parent.isEmpty ? ".gitignore" : parent + "/.gitignore"
        let existing = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        let lines = existing.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        if lines.contains(where: { ["output", "output/", "/output", "/output/"].contains($0) }) { return nil }
        let text =
            existing + (existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n")
            + "# The report leads build writes.\n/output/\n"
        try Data(text.utf8).write(to: file)
        return (existing.isEmpty ? "created " : "updated ") + shown + ": /output/ (the report) is not committed"
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add a lead, contact or company.", subcommands: [NewLead.self, NewContact.self, NewCompany.self])
}

struct NewLead: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lead", abstract: "Add a lead in the first stage of its pipeline.")

    @OptionGroup var options: ContentOptions
    @Option(parsing: .unconditional, help: "The role or opportunity, e.g. \"Staff Engineer\".") var role: String?
    @Option(parsing: .unconditional, help: "A company id or name (linked when the company exists).") var company:
        String?
    @Option(parsing: .unconditional, help: "Where the lead came from (default: OTHER).") var source: String?
    @Option(parsing: .unconditional, help: "HOT, WARM or COLD (default: WARM).") var temperature: String?
    @Option(parsing: .unconditional, help: "A contact id or name.") var contact: String?
    @Option(name: .customLong("follow-up"), parsing: .unconditional, help: "The next follow-up date.") var followUp:
        String?
    @Option(parsing: .unconditional, help: "The pipeline (default: the first one).") var pipeline: String?
    @Option(parsing: .unconditional, help: "Who works the lead.") var owner: String?
    @Option(
        name: .customLong("contact-name"), parsing: .unconditional,
        help: "Whom to contact, while they are not a contact record.")
    var contactName: String?
    @Option(parsing: .unconditional, help: "Their email.") var email: String?
    @Option(parsing: .unconditional, help: "Their phone.") var phone: String?
    @Option(parsing: .unconditional, help: "The deal's value, a number (in config.yml's currency).") var value: String?

    func run() throws {
        let role = try WriteCommand.required(role, option: "--role", prompt: "Role")
        let company = try WriteCommand.required(company, option: "--company", prompt: "Company")
        try WriteCommand.run(options) { workspace throws(EditError) in
            try Authoring.newLead(
                .init(
                    role: role, company: company, source: source, temperature: temperature, contact: contact,
                    followUp: followUp, pipeline: pipeline, owner: owner, contactName: contactName, email: email,
                    phone: phone, value: value), in: workspace)
        }
    }
}

struct NewContact: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "contact", abstract: "Add a contact.")

    @OptionGroup var options: ContentOptions
    @Option(parsing: .unconditional, help: "The person's name.") var name: String?
    @Option(parsing: .unconditional) var email: String?
    @Option(parsing: .unconditional) var phone: String?
    @Option(parsing: .unconditional, help: "A company id or name.") var company: String?
    @Option(parsing: .unconditional) var role: String?
    @Option(parsing: .unconditional) var linkedin: String?

    func run() throws {
        let name = try WriteCommand.required(name, option: "--name", prompt: "Name")
        try WriteCommand.run(options) { workspace throws(EditError) in
            try Authoring.newContact(
                name: name, email: email, phone: phone, company: company, role: role, linkedin: linkedin,
                in: workspace)
        }
    }
}

struct NewCompany: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "company", abstract: "Add a company.")

    @OptionGroup var options: ContentOptions
    @Option(parsing: .unconditional, help: "The company's name.") var name: String?
    @Option(parsing: .unconditional) var website: String?
    @Option(parsing: .unconditional) var industry: String?

    func run() throws {
        let name = try WriteCommand.required(name, option: "--name", prompt: "Name")
        try WriteCommand.run(options) { workspace throws(EditError) in
            try Authoring.newCompany(name: name, website: website, industry: industry, in: workspace)
        }
    }
}

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Log an interaction with a lead; its notes come from --body, stdin or $EDITOR.")

    @OptionGroup var options: ContentOptions
    @Argument(help: "The lead's id.") var lead: String
    @Option(
        parsing: .unconditional, help: "EMAIL, PHONE_CALL, MEETING or MESSAGE.",
        completion: .list(InteractionType.allCases.map(\.rawValue)))
    var type: String
    @Option(parsing: .unconditional, help: "One line on what happened.") var summary: String
    @Option(parsing: .unconditional, help: "POSITIVE, NEUTRAL or NEGATIVE.") var sentiment: String?
    @Option(name: .customLong("next-action"), parsing: .unconditional) var nextAction: String?
    @Option(name: .customLong("follow-up"), parsing: .unconditional, help: "Also sets the lead's next_follow_up.")
    var followUp: String?
    @Option(parsing: .unconditional, help: "When it happened (default: the as-of date).") var date: String?
    @Option(parsing: .unconditional, help: "A contact id or name (default: the lead's contact).") var contact: String?
    @Option(parsing: .unconditional, help: "The discussion nuggets, in Markdown.") var body: String?

    func run() throws {
        let notes = try body ?? Self.notesFromInput()
        try WriteCommand.run(options) { workspace throws(EditError) in
            try Authoring.log(
                .init(
                    lead: lead, type: type, summary: summary, sentiment: sentiment, nextAction: nextAction,
                    followUp: followUp, date: date, contact: contact, body: notes), in: workspace)
        }
    }

    /// Piped text, or what the user writes in $EDITOR on a terminal, or nothing.
    static func notesFromInput() throws -> String {
        if isatty(STDIN_FILENO) == 0 {
            return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        guard let editor = ProcessInfo.processInfo.environment["EDITOR"], !editor.isEmpty else { return "" }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("leads-notes-\(UUID().uuidString).md")
        try Data().write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "$EDITOR \"$1\"", "sh", file.path]
        try process.run()
        process.waitUntilExit()
        return String(decoding: try Data(contentsOf: file), as: UTF8.self)
    }
}

struct Move: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Move a lead to another stage of its pipeline.")

    @OptionGroup var options: ContentOptions
    @Argument(help: "The lead's id.") var lead: String
    @Argument(help: "The stage, e.g. WARM_LEAD.") var stage: String
    @Option(parsing: .unconditional, help: "When it moved (default: the as-of date).") var date: String?
    @Option(parsing: .unconditional, help: "Why, when the stage is closed (LOST, ARCHIVED): stored as lost_reason.")
    var reason: String?

    func run() throws {
        try WriteCommand.run(options) { workspace throws(EditError) in
            try Authoring.move(lead, to: stage, date: date, reason: reason, in: workspace)
        }
    }
}

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Win a lead: into an application (networking), a job (recruiting) or a client (sales).")

    @OptionGroup var options: ContentOptions
    @Argument(help: "The lead's id.") var lead: String
    @Option(parsing: .unconditional, help: "The application's or job's title (default: the lead's role).") var title:
        String?
    @Option(parsing: .unconditional, help: "The job posting, for an application.") var url: String?
    @Option(
        parsing: .unconditional, help: "For a sales lead: the existing client (company or contact id) to win it into.")
    var into: String?
    @Flag(name: .customLong("new-client"), help: "For a sales lead: make a new client even when one matches.")
    var newClient = false

    func run() throws {
        try WriteCommand.run(options) { workspace throws(EditError) in
            try Authoring.convert(
                lead, .init(title: title, url: url, into: into, newClient: newClient), in: workspace)
        }
    }
}

struct MilestoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "milestone",
        abstract: "Record a milestone of an application or a job, e.g. 'CVs received' or START_DATE.")

    @OptionGroup var options: ContentOptions
    @Argument(help: "The application's or job's id.") var record: String
    @Argument(help: "The milestone, by code or as the checklist says it, e.g. \"2nd interview completed\".")
    var name: String
    @Option(parsing: .unconditional, help: "When (default: the as-of date); a future date books it.") var date: String?
    @Option(
        parsing: .unconditional,
        help: "At a decision point: YES or NO (NO closes the job unless later milestones follow).")
    var outcome: String?

    func run() throws {
        try WriteCommand.run(options) { workspace throws(EditError) in
            try Authoring.milestone(record, name, date: date, outcome: outcome, in: workspace)
        }
    }
}

struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Close an application or a job: FILLED, LOST, CANCELLED, REJECTED or WITHDRAWN.")

    @OptionGroup var options: ContentOptions
    @Argument(help: "The application's or job's id.") var record: String
    @Argument(help: "FILLED, LOST, CANCELLED, REJECTED or WITHDRAWN.") var outcome: String
    @Option(parsing: .unconditional, help: "Why.") var reason: String?
    @Option(parsing: .unconditional, help: "When (default: the as-of date).") var date: String?

    func run() throws {
        try WriteCommand.run(options) { workspace throws(EditError) in
            try Authoring.close(record, outcome: outcome, reason: reason, date: date, in: workspace)
        }
    }
}

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge a duplicate contact (or lead) into another and point every link at the one kept.")

    @OptionGroup var options: ContentOptions
    @Argument(help: "The contact (or lead) kept.") var keep: String
    @Argument(help: "The duplicate, deleted once merged.") var duplicate: String
    @Flag(name: .customLong("dry-run"), help: "Print the changes as a diff; write nothing.") var dryRun = false

    func run() throws {
        try WriteCommand.run(options, dryRun: dryRun) { workspace throws(EditError) in
            try Authoring.merge(keep, duplicate, in: workspace)
        }
    }
}
