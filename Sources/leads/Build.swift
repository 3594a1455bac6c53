import ArgumentParser
import Foundation
import LeadKit

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the content folder as a static HTML report.")

    @OptionGroup var options: ContentOptions

    @Option(
        help:
            "A folder of templates overriding the built-in ones (default: templates beside the content folder, when it holds .mustache files)."
    )
    var templates: String?

    @Option(
        name: .customLong("output"),
        help: "The report folder, replaced as a whole (default: output beside the content folder).")
    var outputOption: String?

    /// The report folder: `--output`, else `output` beside the content folder.
    var output: String { outputOption ?? options.projectPath("output") }

    @Flag(help: "Exit 1 when the content has any problem.")
    var strict = false

    @Flag(help: "Render every page, ignoring the report being replaced.")
    var clean = false

    @Flag(help: "Build again whenever the content or templates change.")
    var watch = false

    @Option(
        name: .customLong("base-url"), help: "Where the report is published, for the calendar's links to its pages.")
    var baseURL: String?

    @Option(help: "Build only this owner's leads and what they link to (to publish one person's view).")
    var owner: String?

    @Flag(name: .customLong("no-git"), help: "Do not read the content folder's git history.")
    var noGit = false

    @Flag(
        help:
            "Print how long each stage of the build took, the peak memory after it, how many content files were parsed rather than taken from the parse cache, and how many pages were kept without planning them (to stderr)."
    )
    var timings = false

    @Option(
        parsing: .unconditional,
        help: "Build the report as it stood at a commit, tag or branch, or on a day (its last commit on or before it).")
    var at: String?

    /// The templates folder to use: the one given (which must exist), else `templates` beside the
    /// content folder when it holds `.mustache` files — a `templates/` of email or cover-letter
    /// templates is not the report's. Says which files override the built-in ones.
    static func templatesFolder(_ templates: String?, options: ContentOptions) throws -> String? {
        var isFolder: ObjCBool = false
        let folder = templates ?? options.projectPath("templates")
        let exists = FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue
        if templates != nil && !exists {
            throw ValidationError("templates folder '\(folder)' does not exist")
        }
        guard exists else { return nil }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            !$0.hasPrefix(".") && TemplateSet.builtInNames.contains($0)
        }
        if templates == nil && !names.contains(where: { $0.hasSuffix(".mustache") }) { return nil }
        if !names.isEmpty {
            printError(
                "templates from \(folder): " + names.sorted().joined(separator: ", ") + " replace the built-in ones")
        }
        return folder
    }

    /// Everything the build is made from, checked before anything starts (a bad `--as-of` or
    /// `--templates` is a usage error); with `--watch`, every rebuild is made from the same.
    func buildOptions() throws -> BuildOptions {
        BuildOptions(
            content: options.content, templates: try Self.templatesFolder(templates, options: options), output: output,
            asOf: try options.asOfDay(), baseURL: baseURL, owner: owner, engine: clean ? nil : Self.engine(),
            git: !noGit)
    }

    /// `--at`: the repository and the commit it names, and the as-of date (`--as-of`, else the
    /// commit's day); usage errors for anything else.
    func resolveAt(_ at: String) throws -> (GitRepository, RecordHistory.Commit, Day) {
        if noGit { throw ValidationError("--at reads git: it cannot go with --no-git") }
        if watch { throw ValidationError("--at builds a past report once: it cannot go with --watch") }
        let repository: GitRepository
        switch GitRepository.open(options.content) {
        case .success(let found): repository = found
        case .failure(let reason): throw ValidationError("--at \(at): \(reason.description)")
        }
        if at.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil, Day(parsing: at) == nil {
            throw ValidationError("--at \(at): not a real date")
        }
        let hash: String?
        switch repository.dayOrRevision(at, asOf: try options.asOfDay()) {
        case .day(let day)?:
            hash = repository.lastCommit(onOrBefore: day)
            if hash == nil { throw ValidationError("--at \(at): no commit on or before \(day)") }
        case .revision(let found)?: hash = found
        case nil: hash = nil
        }
        guard let hash, let commit = repository.describe(hash) else {
            throw ValidationError("--at \(at): no such commit, tag or branch")
        }
        let asOf = options.asOf == nil ? commit.day : try options.asOfDay()
        return (repository, commit, asOf)
    }

    func run() throws {
        let build = try buildOptions()
        if let at {
            let (repository, commit, asOf) = try resolveAt(at)
            let built: BuildSummary
            do {
                built = try Leads.build(
                    at: commit.hash, repository: repository, content: build.content, templates: build.templates,
                    output: build.output, asOf: asOf, baseURL: baseURL, owner: owner)
            } catch let error as TemplateError {
                printError(error.description)
                throw ExitCode(1)
            } catch let error as WriteError {
                printError("error: \(error.description)")
                throw ExitCode(1)
            }
            print(
                DiagnosticSummary.line(errors: built.errorCount, warnings: built.warningCount, files: built.fileCount))
            print(
                "wrote the report as of commit \(commit.short) (\(commit.day), “\(commit.subject)”) to \(output)/index.html"
            )
            finish(failing: strict && !built.diagnostics.isEmpty, keeping: built)
        }
        if watch {
            Watch.say("watching \(build.content); Ctrl-C stops")
            Watch.run(build) { _ in }
        }
        let checked: BuildSummary
        do {
            checked = try Leads.build(build, startedAt: Watch.clock())
        } catch let error as LoadError {
            throw usageError(error)
        } catch let error as TemplateError {
            printError(error.description)
            throw ExitCode(1)
        } catch let error as WriteError {
            printError("error: \(error.description)")
            throw ExitCode(1)
        }
        if let owner, checked.fileCount == 0 {
            printError("warning: no lead is owned by '\(owner)'; the report is empty")
        }
        for diagnostic in checked.diagnostics { print(diagnostic.formatted) }
        print(
            DiagnosticSummary.line(errors: checked.errorCount, warnings: checked.warningCount, files: checked.fileCount)
        )
        if timings {
            printError("timings: " + checked.times.line)
            printError(checked.times.memoryLine)
            if !checked.upToDate {
                printError("content files parsed (the others from the parse cache): \(checked.parsed)")
                printError("record pages kept without planning them: \(checked.unplanned)")
                printError("site-wide pages kept without planning them: \(checked.unplannedSiteWide)")
            }
        }
        if checked.upToDate {
            print("report in \(output)/index.html is up to date")
        } else {
            print("wrote report to \(output)/index.html (\(checked.written) files written, \(checked.kept) unchanged)")
        }
        finish(failing: strict && !checked.diagnostics.isEmpty, keeping: checked)
    }
}

extension Build {
    /// This program, by its executable's size and modification time: pages rendered by another
    /// version of leads are never kept. nil when it cannot be told: then nothing is kept.
    static func engine() -> String? {
        let path =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = attributes[.size] as? Int, let modified = attributes[.modificationDate] as? Date
        else { return nil }
        return "\(path) \(size) \(modified.timeIntervalSince1970)"
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
