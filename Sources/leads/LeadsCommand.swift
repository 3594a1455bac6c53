import ArgumentParser
import Foundation
import LeadKit

struct LeadsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leads",
        abstract: "A lead-tracking CRM in a folder of Markdown files.",
        version: LeadsCommand.version,
        subcommands: [
            Check.self, Build.self, Today.self, Show.self, List.self, Changes.self, Diff.self, Init.self, New.self,
            Log.self, Move.self,
            Convert.self, MilestoneCommand.self,
            Close.self, SetFields.self, Snooze.self, Undo.self, ClaimCommand.self, Assign.self, Release.self,
            Merge.self, MergeFile.self, GitSetup.self,
            Import.self, Export.self, Serve.self, LanguageServerCommand.self,
        ]
    )

    /// The package's version, used when the repository has no tag yet.
    static let packageVersion = "0.1.0"

    /// `leads --version`: `0.1.0 (commit 5b81b21c0a3e)` — the latest git tag, else the package
    /// version, and the commit the binary was built from (BuildInfo, written at build time).
    static let version =
        (BuildInfo.tag.isEmpty ? packageVersion : BuildInfo.tag) + " (commit \(BuildInfo.commit))"

    /// Runs the command; usage problems exit 2 (not ArgumentParser's 64), as the README promises.
    static func runMain() -> Never {
        // `leads biuld`: name the command it looks like instead of "Unexpected argument".
        let arguments = CommandLine.arguments.dropFirst()
        if let first = arguments.first, !first.hasPrefix("-") {
            let names = configuration.subcommands.compactMap { $0.configuration.commandName ?? $0._commandName }
            if !names.contains(first), first != "help" {
                let hint = Suggestion.closest(to: first, in: names).map { "; did you mean \($0)?" } ?? ""
                FileHandle.standardError.write(
                    Data("error: unknown command '\(first)'\(hint) (leads --help lists them)\n".utf8))
                Foundation.exit(2)
            }
        }
        do {
            var command = try parseAsRoot()
            try command.run()
            Foundation.exit(0)
        } catch let error as ValidationError {
            // Raised by a command after parsing, e.g. a missing content folder: no usage banner needed.
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Ends the process with everything still in memory: freeing a hundred thousand records one by one
/// takes longer than the system takes to drop the whole process.
func finish(failing: Bool, keeping results: some Any) -> Never {
    withExtendedLifetime(results) {
        fflush(nil)
        Foundation.exit(failing ? 1 : 0)
    }
}

/// Options every command that reads content shares.
struct ContentOptions: ParsableArguments {
    @Option(
        name: .customLong("content"),
        help: "The content folder (default: the nearest one here or above, else $LEADS_CONTENT, else content).")
    var contentOption: String?

    /// Where the content folder is: `--content`, else found from the working directory.
    var location: ContentLocation {
        ContentLocation.locate(
            given: contentOption, workingDirectory: FileManager.default.currentDirectoryPath,
            environment: ProcessInfo.processInfo.environment)
    }

    /// The content folder's path.
    var content: String { location.content }

    /// `name` in the project's root, beside the content folder: where `output/` and `templates/` are.
    func projectPath(_ name: String) -> String {
        let root = location.projectRoot
        return root == "." ? name : root + "/" + name
    }

    @Option(name: .customLong("as-of"), help: "The date taken as today (YYYY-MM-DD); default: the local date.")
    var asOf: String?

    func asOfDay() throws -> Day {
        try Self.day(asOf)
    }

    /// The moment a claim is made: the start of `--as-of` when given, else the local time now.
    func now() throws -> DayTime {
        if asOf != nil { return DayTime(day: try asOfDay(), minutes: 0) }
        let parts = Calendar.current.dateComponents([.year, .month, .day, .hour, .minute], from: Date())
        return DayTime(
            day: Day(year: parts.year!, month: parts.month!, day: parts.day!)!,
            minutes: parts.hour! * 60 + parts.minute!)
    }

    static func day(_ asOf: String?) throws -> Day {
        guard let asOf else { return Day.today() }
        guard let day = Day(parsing: asOf) else {
            throw ValidationError("--as-of must be a date like 2026-03-14, not '\(asOf)'")
        }
        return day
    }
}

extension Day {
    /// The local calendar date; only the command line asks the clock.
    static func today() -> Day {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

/// Loading problems are the user's to fix in how they called us: usage errors.
func usageError(_ error: LoadError) -> ValidationError {
    ValidationError(error.description)
}
