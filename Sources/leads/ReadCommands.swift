import ArgumentParser
import Foundation
import LeadKit

/// What the read commands share: the format, colour only on a terminal (and never with `NO_COLOR`
/// or `TERM=dumb`), and the report's one analysis of the content.
enum ReadCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv
    }

    /// For commands that print one document: no CSV (so completion does not offer it).
    enum DocumentFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    static var style: TerminalStyle {
        let environment = ProcessInfo.processInfo.environment
        let colour =
            isatty(STDOUT_FILENO) == 1 && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        return TerminalStyle(colour: colour)
    }

    /// The content checked and analysed as `leads build` does; content errors do not stop a read
    /// command, but one line on stderr says how many there are.
    static func report(_ options: ContentOptions, git: Bool = true) throws -> Report {
        let asOf = try options.asOfDay()
        let checked: CheckedContent
        do {
            checked = try Leads.check(content: options.content, asOf: asOf)
        } catch let error as LoadError {
            throw usageError(error)
        }
        if checked.errorCount > 0 {
            printError(
                "note: the content has \(checked.errorCount == 1 ? "1 error" : "\(checked.errorCount) errors"); leads check lists them"
            )
        }
        // The numbers are the report's own: stage histories merged with git, as `leads build` does.
        let history =
            git
            ? (try? GitRepository.open(options.content).get()).map {
                RecordHistory.read($0, workingTree: options.content, configuration: checked.configuration)
            } : nil
        return ReportAnalyzer(content: checked, asOf: asOf, history: history).analyze()
    }

    static func write(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }
}

struct Today: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Whom to contact: overdue, today and the next 7 days, then the stale leads.")

    @OptionGroup var options: ContentOptions
    @Option(parsing: .unconditional, help: "Only this owner's leads.") var owner: String?
    @Option(help: "text or json.") var format: ReadCommand.DocumentFormat = .text
    @Flag(name: .customLong("no-git"), help: "Do not read the content folder's git history.") var noGit = false

    func run() throws {
        let report = try ReadCommand.report(options, git: !noGit)
        if let owner {
            // A typo would show an empty day: say who owns leads instead.
            let owners = Set(report.records.leads.compactMap { $0.owner.map { Owner.key($0.value) } })
            guard owners.contains(Owner.key(owner)) else {
                let names = report.owners.map(\.owner.name)
                throw ValidationError(
                    "--owner: nobody called '\(owner)' owns a lead; "
                        + (names.isEmpty ? "no lead has an owner yet" : "owners: " + names.joined(separator: ", "))
                        + (Suggestion.closest(to: owner, in: names).map { "; did you mean \($0)?" } ?? ""))
            }
        }
        let view = TodayView(report, owner: owner)
        if format == .json {
            ReadCommand.write(view.json())
        } else {
            print(view.text(ReadCommand.style), terminator: "")
        }
    }
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "One record: its fields, timeline or milestones, what links to it, its problems.")

    @OptionGroup var options: ContentOptions
    @Argument(help: "An id (or its unique start, or a name); kind/id when ids repeat across kinds.")
    var id: String
    @Option(help: "text or json.") var format: ReadCommand.DocumentFormat = .text
    @Flag(name: .customLong("no-git"), help: "Do not read the content folder's git history.") var noGit = false

    func run() throws {
        let report = try ReadCommand.report(options, git: !noGit)
        let found: (kind: RecordKind, position: Int)
        do {
            found = try RecordReference.find(id, in: report.content)
        } catch {
            printError("error: \(error.description)")
            throw ExitCode(1)
        }
        let view = RecordView(report, kind: found.kind, position: found.position)
        if format == .json {
            ReadCommand.write(view.json())
        } else {
            print(view.text(ReadCommand.style), terminator: "")
        }
    }
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls", abstract: "A table (or JSON or CSV) of the records of one kind that match.")

    @OptionGroup var options: ContentOptions
    @Argument(
        help: "lead (the default), interaction, contact, company, application or job; plurals too.",
        completion: .list(RecordKind.allCases.map(\.folder)))
    var kind: String = "lead"
    @Option(parsing: .unconditional, help: "A stage (status).") var stage: String?
    @Option(parsing: .unconditional, help: "An owner.") var owner: String?
    @Option(parsing: .unconditional, help: "HOT, WARM or COLD.") var temperature: String?
    @Option(parsing: .unconditional, help: "A source.") var source: String?
    @Flag(help: "Only stale leads (or stalled applications and jobs).") var stale = false
    @Option(
        parsing: .unconditional,
        help:
            "FROM..TO (either may be left out; dates or words like -30d, today): created, dated, applied or opened in it."
    )
    var created: String?
    @Option(
        parsing: .unconditional,
        help: "open, won, filled, completed or lost (an application's or job's state for those).")
    var outcome: String?
    @Option(parsing: .unconditional, help: "A column to sort by, e.g. next_follow_up or days_in_stage.") var sort:
        String?
    @Option(help: "text, json or csv.") var format: ReadCommand.Format = .text
    @Flag(name: .customLong("no-git"), help: "Do not read the content folder's git history.") var noGit = false

    func run() throws {
        let names = RecordExport.Kind.allCases.map(\.rawValue)
        guard let kind = RecordKind(named: kind).flatMap({ RecordExport.Kind(rawValue: $0.rawValue) }) else {
            let spellings = names + RecordExport.Kind.allCases.map(\.recordKind.folder)
            throw ValidationError(
                "unknown kind '\(kind)'; expected one of " + names.joined(separator: ", ")
                    + (Suggestion.closest(to: kind.lowercased(), in: spellings).map { "; did you mean \($0)?" } ?? ""))
        }
        let asOf = try options.asOfDay()
        var filter = RecordList.Filter()
        filter.stage = stage
        filter.owner = owner
        filter.temperature = temperature
        filter.source = source
        filter.stale = stale
        filter.outcome = outcome
        if let created {
            let parts = created.components(separatedBy: "..")
            guard parts.count == 2 || (parts.count == 1 && !created.isEmpty) else {
                throw ValidationError("--created takes FROM..TO, e.g. 2026-10-01..2026-11-30, not '\(created)'")
            }
            func day(_ text: String) throws -> Day? {
                guard !text.isEmpty else { return nil }
                guard let day = DateWords.day(text, asOf: asOf) else {
                    throw ValidationError("--created: '\(text)' is not a date like 2026-10-01, today or -30d")
                }
                return day
            }
            filter.from = try day(parts[0])
            // One date alone is that day.
            filter.to = parts.count == 2 ? try day(parts[1]) : filter.from
        }
        let report = try ReadCommand.report(options, git: !noGit)
        let list: RecordList
        do {
            list = try RecordList(report, kind: kind, filter: filter, sort: sort)
        } catch {
            throw ValidationError(error.description)
        }
        switch format {
        case .text: print(list.text(ReadCommand.style, cut: isatty(STDOUT_FILENO) == 1), terminator: "")
        case .json: ReadCommand.write(list.json())
        case .csv: print(list.csv(), terminator: "")
        }
    }
}
