import ArgumentParser
import Foundation
import LeadKit

/// What `leads changes` and `leads diff` share: the repository and its history, or a clear error.
enum HistoryCommand {
    static func open(_ options: ContentOptions) throws -> GitRepository {
        switch GitRepository.open(options.content) {
        case .success(let repository): return repository
        case .failure(let reason):
            printError("error: no history for \(options.content): \(reason.description)")
            throw ExitCode(1)
        }
    }

    static func checked(_ options: ContentOptions, asOf: Day) throws -> CheckedContent {
        do {
            return try Leads.check(content: options.content, asOf: asOf)
        } catch let error as LoadError {
            throw usageError(error)
        }
    }

    static func print(_ view: ChangesView, format: ReadCommand.DocumentFormat) {
        switch format {
        case .json: ReadCommand.write(view.json())
        case .text: Swift.print(view.text(ReadCommand.style), terminator: "")
        }
    }
}

struct Changes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "What changed, from git: leads created, moved, converted, closed, milestones, interactions, follow-ups.")

    @OptionGroup var options: ContentOptions
    @Option(
        parsing: .unconditional, help: "From this day or after this commit (default: 6 days before the as-of date).")
    var since: String?
    @Option(parsing: .unconditional, help: "Up to this day or commit (default: the as-of date).") var until: String?
    @Option(parsing: .unconditional, help: "Only the changes of this owner's leads.") var owner: String?
    @Option(help: "text or json.") var format: ReadCommand.DocumentFormat = .text

    /// A bound: a day (`2026-11-01`, `-7d`), else a revision.
    enum Bound {
        case day(Day)
        case commits(Set<String>)
    }

    func bound(_ text: String, _ repository: GitRepository, asOf: Day, inclusive: Bool) throws -> Bound {
        let named = repository.dayOrRevision(text, asOf: asOf)
        if case .day(let day)? = named { return .day(day) }
        guard named != nil,
            let commits = inclusive
                ? repository.commits(from: nil, to: text) : repository.commits(from: text, to: "HEAD")
        else { throw ValidationError("'\(text)' is neither a date nor a commit, tag or branch") }
        return .commits(commits)
    }

    func run() throws {
        let asOf = try options.asOfDay()
        let repository = try HistoryCommand.open(options)
        let checked = try HistoryCommand.checked(options, asOf: asOf)
        let configuration = checked.configuration
        let history = RecordHistory.read(repository, workingTree: options.content, configuration: configuration)
        var changes = ChangeList.all(history, configuration: configuration, asOf: asOf, content: checked)
        let to = try bound(until ?? asOf.description, repository, asOf: asOf, inclusive: true)
        // A day alone as --until ends the week there: the default start is 6 days before it.
        var end = asOf
        if case .day(let last) = to { end = last }
        let from = try bound(
            since ?? Day(ordinal: end.ordinal - 6).description, repository, asOf: asOf, inclusive: false)
        if case .day(let first) = from, case .day(let last) = to, first > last {
            throw ValidationError("--since \(first) is after --until \(last)")
        }
        changes = changes.filter { change in
            guard let commit = change.commit else {
                // Not committed yet: shown only when the list runs up to now.
                if case .day(let last) = to { return last >= asOf }
                return false
            }
            let day = Day(parsing: change.date) ?? asOf
            switch from {
            case .day(let first): if day < first { return false }
            case .commits(let after): if !after.contains(commit) { return false }
            }
            switch to {
            case .day(let last): if day > last { return false }
            case .commits(let upTo): if !upTo.contains(commit) { return false }
            }
            return true
        }
        if let owner {
            let key = configuration.owner(named: owner).key
            let known = Set(
                checked.records.leads.compactMap { $0.owner.map { configuration.owner(named: $0.value).key } })
            guard known.contains(key) else {
                throw ValidationError("--owner: nobody called '\(owner)' owns a lead")
            }
            changes = changes.filter { $0.owner.map { configuration.owner(named: $0).key } == key }
        }
        HistoryCommand.print(ChangesView(changes: changes, note: history.note), format: format)
    }
}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "The changes between two revisions of the content folder (commits, tags, branches, or days: the last commit on or before it)."
    )

    @OptionGroup var options: ContentOptions
    @Argument(help: "The older revision, or a day (YYYY-MM-DD).") var older: String
    @Argument(help: "The newer revision or day (default: HEAD).") var newer: String = "HEAD"
    @Option(help: "text or json.") var format: ReadCommand.DocumentFormat = .text

    func run() throws {
        let asOf = try options.asOfDay()
        let repository = try HistoryCommand.open(options)
        // A day stands for the last commit on or before it, as `build --at` reads it.
        func revision(_ text: String) throws -> String {
            switch repository.dayOrRevision(text, asOf: asOf) {
            case .revision(let commit)?: return commit
            case .day(let day)?:
                guard let commit = repository.lastCommit(onOrBefore: day) else {
                    throw ValidationError("no commit on or before \(day)")
                }
                return commit
            case nil: throw ValidationError("'\(text)' names no commit, tag, branch or day")
            }
        }
        let from = try revision(older)
        let to = try revision(newer)
        let checked = try HistoryCommand.checked(options, asOf: asOf)
        let configuration = checked.configuration
        let history = RecordHistory.read(repository, revision: to, configuration: configuration)
        let between = repository.commits(from: from, to: to) ?? []
        if between.isEmpty, let reversed = repository.commits(from: to, to: from), !reversed.isEmpty {
            throw ValidationError("\(older) is newer than \(newer): leads diff OLDER NEWER")
        }
        let changes = ChangeList.all(history, configuration: configuration, asOf: asOf, content: checked).filter {
            $0.commit.map(between.contains) ?? false
        }
        HistoryCommand.print(ChangesView(changes: changes, note: history.note), format: format)
    }
}
