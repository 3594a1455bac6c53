import Foundation
import Testing

@testable import LeadKit

/// A Markdown body built to hurt a parser, and what its rendering must still contain.
struct MarkdownBomb: Sendable, CustomTestStringConvertible {
    let name: String
    let body: String
    /// Text the HTML must contain, `count` times when given (at least once otherwise).
    let marker: String
    let count: Int?
    /// Whether the input nests per character, so it also runs on a small stack.
    let nests: Bool

    var testDescription: String { name }

    static func repeating(_ text: String, _ times: Int) -> String {
        String(repeating: text, count: times)
    }

    static let all: [MarkdownBomb] = [
        MarkdownBomb(
            name: "50,000 nested [", body: repeating("[", 50_000) + "x", marker: "[", count: 50_000, nests: true),
        MarkdownBomb(
            name: "25,000 [ then 25,000 ]", body: repeating("[", 25_000) + "x" + repeating("]", 25_000),
            marker: "x", count: 1, nests: true),
        MarkdownBomb(
            name: "12,500 unclosed [a](", body: repeating("[a](", 12_500), marker: "a", count: nil, nests: true),
        MarkdownBomb(name: "25,000 [](", body: repeating("[](", 25_000), marker: "](", count: nil, nests: true),
        MarkdownBomb(name: "50,000 *a", body: repeating("*a", 50_000), marker: "a", count: 50_000, nests: false),
        MarkdownBomb(name: "50,000 _a", body: repeating("_a", 50_000), marker: "a", count: 50_000, nests: false),
        MarkdownBomb(
            name: "25,000 * around x", body: repeating("*", 25_000) + "x" + repeating("*", 25_000), marker: "x",
            count: 1, nests: true),
        MarkdownBomb(
            name: "25,000 _ around x", body: repeating("_", 25_000) + "x" + repeating("_", 25_000), marker: "x",
            count: 1, nests: true),
        MarkdownBomb(
            name: "10,000 nested >", body: repeating("> ", 10_000) + "deep", marker: "deep", count: 1, nests: true),
        MarkdownBomb(
            name: "10,000 nested lists", body: repeating("- ", 10_000) + "x", marker: "<li>", count: 10_000,
            nests: true),
        // Inline, after text: a line starting with ``` would be a code fence.
        MarkdownBomb(
            name: "50,000 `", body: "x" + repeating("`", 50_000) + "x", marker: "`", count: 50_000, nests: false),
        MarkdownBomb(
            name: "backtick runs of 1…300", body: "a" + (1...300).map { repeating("`", $0) }.joined(separator: "a"),
            marker: "`", count: 45_150, nests: false),
        MarkdownBomb(name: "50,000 <", body: repeating("<", 50_000), marker: "&lt;", count: 50_000, nests: false),
        MarkdownBomb(name: "50,000 <a", body: repeating("<a", 50_000), marker: "&lt;a", count: 50_000, nests: false),
        // Inline, after text: a line starting with `<!--` is an HTML block, which safe mode omits as a whole.
        // Smart punctuation turns `--` into a dash, so only `&lt;!` is counted.
        MarkdownBomb(
            name: "10,000 <!--", body: "a" + repeating("<!--", 10_000), marker: "&lt;!", count: 10_000, nests: false),
        MarkdownBomb(name: "50,000 &", body: repeating("&", 50_000), marker: "&amp;", count: 50_000, nests: false),
        MarkdownBomb(name: "25,000 &#", body: repeating("&#", 25_000), marker: "&amp;#", count: 25_000, nests: false),
        MarkdownBomb(
            name: "12,500 &amp", body: repeating("&amp", 12_500), marker: "&amp;amp", count: 12_500, nests: false),
    ]

    /// What is wrong with `html` as a rendering of this body, or nil.
    func problem(with html: String, in context: String) -> String? {
        let found = Hostile.occurrences(of: marker, in: html)
        if let count, found != count {
            return "\(name) \(context): '\(marker)' occurs \(found) times in the HTML, expected \(count)"
        }
        if found == 0 { return "\(name) \(context): '\(marker)' is missing from the HTML" }
        return nil
    }
}

/// An input that nests once per character or line, with the check of its answer.
struct NestingCase: Sendable {
    let name: String
    /// Parses or renders the input and returns what is wrong with the answer, or nil.
    let problem: @Sendable () -> String?

    static let all: [NestingCase] =
        MarkdownBomb.all.filter(\.nests).map { bomb in
            NestingCase(name: "Markdown \(bomb.name)") {
                bomb.problem(with: Markdown.html(bomb.body), in: "(Markdown.html)")
            }
        } + [
            frontMatter(
                "flow sequences 10,000 deep",
                yaml: "a: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n",
                line: 8),
            frontMatter(
                "flow mappings 10,000 deep",
                yaml: "a: " + String(repeating: "{a: ", count: 10_000) + "x" + String(repeating: "}", count: 10_000)
                    + "\n",
                line: 8),
            // `- - - x` nests a block sequence per two characters, so depth costs no indentation.
            frontMatter(
                "block sequences 10,000 deep", yaml: "a:\n  " + String(repeating: "- ", count: 10_000) + "x\n", line: 9),
            // 1,500 levels of one-space indentation fit in the 2 MB block limit, so libyaml's own limit answers.
            frontMatter(
                "block mappings 1,500 deep",
                yaml: (0..<1_500).map { String(repeating: " ", count: $0) + "k:\n" }.joined(), line: nil),
        ]

    /// The YAML after a lead's fields must give one `invalid-front-matter` (at file line `line` when given).
    static func frontMatter(_ name: String, yaml: String, line: Int?) -> NestingCase {
        NestingCase(name: "YAML \(name)") {
            let file = "---\n" + Hostile.leadFields + yaml + "---\nbody\n"
            let closing = 2 + Hostile.leadFields.split(separator: "\n").count + yaml.split(separator: "\n").count
            let diagnostics = Hostile.parseLead(file)
            let errors = diagnostics.filter { $0.code == .invalidFrontMatter }
            let located = errors.contains { error in
                line.map { $0 == error.location.line } ?? (1...closing).contains(error.location.line)
            }
            guard errors.count == 1 && located && diagnostics.count == 1 else {
                return
                    "YAML \(name): expected one invalid-front-matter at line \(line.map(String.init) ?? "1…\(closing)"):\n"
                    + Hostile.listing(diagnostics)
            }
            return nil
        }
    }
}

/// Inputs built to crash, overflow the stack or hang: each must end in a diagnostic or a rendering.
///
/// Every input runs under a watchdog (a hang fails the test with the input's name after 20 s). The inputs
/// that nest once per character (`NestingCase`) also run on a 512 KB stack, to prove nothing recurses
/// per level without a bound; that happens in a child process, so a stack overflow is reported with the
/// input's name instead of ending the whole test run.
@Suite struct HostilePathologicalTests {
    // MARK: Markdown bodies

    @Test(arguments: MarkdownBomb.all)
    func aHostileMarkdownBodyIsRendered(_ bomb: MarkdownBomb) throws {
        let html = underWatchdog("\(bomb.name) (Markdown.html)") { Markdown.html(bomb.body) }
        if let html, let problem = bomb.problem(with: html, in: "through Markdown.html") {
            Issue.record(Comment(rawValue: problem))
        }
    }

    @Test(arguments: MarkdownBomb.all)
    func aHostileMarkdownBodyIsBuiltIntoTheLeadsPage(_ bomb: MarkdownBomb) throws {
        let folder = try HostileFolder()
        defer { folder.remove() }
        try folder.write("leads/bomb.md", Hostile.lead(body: bomb.body + "\n"))
        let checked = underWatchdog("\(bomb.name) (Leads.build)") { try folder.build() }
        // `[[[…x…]]]` holds a `[[x]]` naming no record: that warning is right; nothing else may fire.
        let diagnostics = checked?.diagnostics.filter { $0.code != .brokenLink || $0.severity != .warning }
        #expect(diagnostics == [], "\(Hostile.listing(checked?.diagnostics ?? []))")
        guard checked != nil else { return }
        guard let page = folder.outputText("leads/bomb.html") else {
            Issue.record("\(bomb.name): the build wrote no leads/bomb.html")
            return
        }
        // The page around the notes must not add the marker itself, so compare with the notes alone.
        let notes = Markdown.html(bomb.body + "\n")
        #expect(page.contains(notes), "\(bomb.name): the lead page does not contain the rendered notes")
        if let problem = bomb.problem(with: notes, in: "on the lead page") { Issue.record(Comment(rawValue: problem)) }
    }

    // MARK: Nesting, on the test's own stack and on a 512 KB one

    @Test(arguments: NestingCase.all.map(\.name))
    func deepNestingIsAnsweredOnAnOrdinaryStack(_ name: String) throws {
        let nesting = try #require(NestingCase.all.first { $0.name == name })
        if let problem = underWatchdog(name, nesting.problem) ?? nil {
            Issue.record(Comment(rawValue: problem))
        }
    }

    @Test func deepNestingIsAnsweredOnA512KBStack() throws {
        for failure in try SmallStackRun.run(NestingCase.all.map(\.name)) {
            Issue.record(Comment(rawValue: failure))
        }
    }

    @Test func blockMappingNesting10000DeepIsOverTheFileLimit() throws {
        // 10,000 levels of indented mappings need 50 MB of indentation, so the file limit answers first;
        // `block mappings 1,500 deep` is the deepest that reaches YAML within the limits.
        let folder = try HostileFolder()
        defer { folder.remove() }
        // Built as bytes: a 50 MB String assembled piece by piece is slow in a debug build.
        let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 10_000)
        var bytes = Array(("---\n" + Hostile.leadFields).utf8)
        bytes.reserveCapacity(51_000_000)
        for level in 0..<10_000 {
            bytes += spaces[..<level]
            bytes += [UInt8(ascii: "k"), UInt8(ascii: ":"), 0x0A]
        }
        bytes += Array("---\n".utf8)
        try folder.write("leads/deep.md", bytes: bytes)
        let checked = underWatchdog("block mappings 10,000 deep") { try folder.check() }
        guard let diagnostics = checked?.diagnostics else { return }
        #expect(
            diagnostics.map(\.code) == [.unreadableFile]
                && diagnostics.first?.location == .init(file: "content/leads/deep.md", line: 1, column: 1),
            "expected unreadable-file for the 16 MB limit:\n\(Hostile.listing(diagnostics))")
    }

    @Test func anAliasBombIsRejectedWithoutExpandingIt() {
        // Billion laughs: 9 levels, each a list of 9 aliases of the level below, 9^10 strings if expanded.
        var yaml = "l0: &l0 [" + Array(repeating: "\"lol\"", count: 9).joined(separator: ", ") + "]\n"
        for level in 1...9 {
            yaml +=
                "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        let file = "---\n" + Hostile.leadFields + yaml + "---\nbody\n"
        let firstAnchorLine = 2 + Hostile.leadFields.split(separator: "\n").count
        let diagnostics = underWatchdog("alias bomb (9 levels of 9 aliases)") { Hostile.parseLead(file) }
        guard let diagnostics else { return }
        let errors = diagnostics.filter { $0.code == .invalidFrontMatter }
        #expect(
            errors.count == 1 && errors.first?.location.line == firstAnchorLine,
            "anchors and aliases must be rejected at their first use (line \(firstAnchorLine)):\n\(Hostile.listing(diagnostics))"
        )
    }

    @Test func aSmallAliasIsRejected() {
        // The same rule on the smallest input, so it fails fast and clearly even when the bomb hangs.
        let file = "---\n" + Hostile.leadFields + "owner: &who Maya\ntags: [*who]\n---\n"
        let diagnostics = Hostile.parseLead(file)
        #expect(
            diagnostics.map(\.code) == [.invalidFrontMatter] && diagnostics.first?.location.line == 8,
            "README: anchors and aliases are rejected as invalid-front-matter:\n\(Hostile.listing(diagnostics))")
    }

    @Test func aFileOver16MBIsReportedNotParsed() throws {
        let folder = try HostileFolder()
        defer { folder.remove() }
        let huge = Hostile.lead(
            body: String(repeating: "All work and no play makes Jack a dull boy.\n", count: 1_200_000))
        #expect(huge.utf8.count > 50_000_000)
        try folder.write("leads/huge.md", huge)
        // One bad file never stops the others from being checked.
        try folder.write(
            "leads/other.md", "---\n" + Hostile.leadFields.replacingOccurrences(of: "HOT", with: "TEPID") + "---\n")
        let checked = underWatchdog("a 50 MB file") { try folder.check() }
        guard let diagnostics = checked?.diagnostics else { return }
        let unreadable = diagnostics.filter { $0.code == .unreadableFile }
        #expect(
            unreadable.count == 1
                && unreadable.first?.location == .init(file: "content/leads/huge.md", line: 1, column: 1)
                && unreadable.first?.message.contains("16 MB") == true,
            "expected unreadable-file at content/leads/huge.md:1:1 naming the 16 MB limit:\n\(Hostile.listing(diagnostics))"
        )
        #expect(
            diagnostics.contains { $0.code == .invalidValue && $0.location.file == "content/leads/other.md" },
            "the other file must still be checked:\n\(Hostile.listing(diagnostics))")
        #expect(diagnostics.count == 2, "\(Hostile.listing(diagnostics))")
    }

    @Test func aMillionKeysAreOverTheBlockLimit() {
        var keys = ""
        keys.reserveCapacity(13_000_000)
        for key in 0..<1_000_000 { keys += "key_\(key): v\n" }
        let yaml = keys
        #expect(yaml.utf8.count > FrontMatterReader.maximumBlockSize && yaml.utf8.count < ContentLoader.maximumFileSize)
        let diagnostics = underWatchdog("1,000,000 keys") { Hostile.parseLead("---\n" + yaml + "---\nbody\n") }
        guard let diagnostics else { return }
        #expect(
            diagnostics.map(\.code) == [.invalidFrontMatter]
                && diagnostics.first?.location == .init(file: "content/leads/case.md", line: 1, column: 1)
                && diagnostics.first?.message.contains("limit") == true,
            "expected one invalid-front-matter at the opening '---' naming the 2 MB limit:\n\(Hostile.listing(diagnostics))"
        )
    }

    @Test func aOneMegabyteValueIsReadWhole() throws {
        let role = String(repeating: "x", count: 1_000_000)
        let text = "---\n" + Hostile.leadFields.replacingOccurrences(of: "Platform Engineer", with: role) + "---\n"
        let folder = try HostileFolder()
        defer { folder.remove() }
        try folder.write("leads/long.md", text)
        let checked = underWatchdog("a 1 MB value (Leads.build)") { try folder.build() }
        guard let checked else { return }
        #expect(checked.diagnostics == [], "\(Hostile.listing(checked.diagnostics))")
        #expect(try folder.check().records.leads.first?.role?.value.count == 1_000_000)
        #expect(folder.outputText("leads/long.html")?.contains(role) == true, "the page must show the whole role")
    }

    @Test func aOneMegabyteKeyIsADiagnostic() {
        let file = "---\n" + Hostile.leadFields + String(repeating: "k", count: 1_000_000) + ": v\n---\n"
        let diagnostics = underWatchdog("a 1 MB key") { Hostile.parseLead(file) }
        guard let diagnostics else { return }
        // libyaml limits implicit keys to 1,024 characters; either way the key is reported on its line.
        #expect(
            diagnostics.count == 1 && diagnostics.first?.location.line == 8
                && [.invalidFrontMatter, .unknownField].contains(diagnostics.first?.code),
            "\(Hostile.listing(diagnostics))")
    }
}

/// Runs nesting cases on a 512 KB stack in a child process (the test binary itself, selecting
/// `HostileSmallStackChild`), so a stack overflow is a named failure rather than the end of the run.
enum SmallStackRun {
    static let environmentKey = "LEADS_HOSTILE_SMALL_STACK_CASES"
    static let marker = "HOSTILE-SMALL-STACK"

    /// The failures, one line each; empty when every case answered correctly on the small stack.
    static func run(_ names: [String]) throws -> [String] {
        #if os(Linux)
            var failures: [String] = []
            var remaining = names
            // A crash ends the child; the cases after the crashing one get a fresh child.
            while !remaining.isEmpty {
                let (lines, ending) = try child(remaining)
                var finished: [String] = []
                for line in lines {
                    let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
                    guard parts.count >= 2, parts[0] == marker, let name = parts.last.map(decode) else { continue }
                    if parts[1] == "ok" { finished.append(name) }
                    if parts[1] == "failed" {
                        let words = name.split(separator: "\t", maxSplits: 1).map(String.init)
                        finished.append(words[0])
                        failures.append("on a 512 KB stack: " + (words.count > 1 ? words[1] : words[0]))
                    }
                }
                let begun = lines.last { $0.hasPrefix(marker + " begin ") }.map {
                    decode(String($0.dropFirst(marker.count + 7)))
                }
                remaining.removeAll { finished.contains($0) }
                guard !remaining.isEmpty else { break }
                guard let crashed = begun, remaining.contains(crashed) else {
                    failures.append(
                        "the small-stack child process \(ending) before it ran: \(remaining.joined(separator: ", "))")
                    break
                }
                failures.append("'\(crashed)' crashed the process on a 512 KB stack (\(ending))")
                remaining.removeAll { $0 == crashed }
            }
            return failures
        #else
            // Where the test binary cannot simply be started again, run in this process: a crash ends the run.
            return names.compactMap { name in
                let nesting = NestingCase.all.first { $0.name == name }
                return underWatchdog(name, stackSize: hostileSmallStack) { nesting?.problem() } ?? nil
            }
        #endif
    }

    /// Names travel in one environment variable and one output line each, so tabs and newlines are escaped.
    static func encode(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func decode(_ text: String) -> String {
        var result = ""
        var escaped = false
        for character in text {
            if escaped {
                result.append(character == "n" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    #if os(Linux)
        /// Starts the test binary on the child test with `names`; returns its output lines and how it ended.
        static func child(_ names: [String]) throws -> (lines: [String], ending: String) {
            let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
            let output = FileManager.default.temporaryDirectory.appendingPathComponent(
                "leads-hostile-\(UUID().uuidString).log")
            FileManager.default.createFile(atPath: output.path, contents: nil)
            defer { try? FileManager.default.removeItem(at: output) }
            let handle = try FileHandle(forWritingTo: output)
            defer { try? handle.close() }

            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["--testing-library", "swift-testing", "--filter", "HostileSmallStackChild"]
            var environment = ProcessInfo.processInfo.environment
            environment[environmentKey] = names.map(encode).joined(separator: "\n")
            // A crash report would only delay the answer; the parent names the input instead.
            environment["SWIFT_BACKTRACE"] = "enable=no"
            process.environment = environment
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
            let deadline = Date().addingTimeInterval(Double(names.count) * 20 + 30)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
                return (try lines(of: output), "was stopped after a timeout")
            }
            let ending =
                process.terminationReason == .uncaughtSignal
                ? "signal \(process.terminationStatus)" : "exit status \(process.terminationStatus)"
            return (try lines(of: output), ending)
        }

        static func lines(of file: URL) throws -> [String] {
            String(decoding: try Data(contentsOf: file), as: UTF8.self).split(separator: "\n").map(String.init)
        }
    #endif
}

/// The child side of `SmallStackRun`: runs the cases named in its environment on a 512 KB stack.
@Suite struct HostileSmallStackChild {
    @Test func runsTheNestingCasesItIsGiven() {
        guard let list = ProcessInfo.processInfo.environment[SmallStackRun.environmentKey] else {
            // In an ordinary run this checks what the parent relies on: every case has a unique name.
            let names = NestingCase.all.map(\.name)
            #expect(Set(names).count == names.count, "nesting case names must be unique: \(names)")
            #expect(names.allSatisfy { SmallStackRun.decode(SmallStackRun.encode($0)) == $0 })
            return
        }
        for name in list.split(separator: "\n").map(String.init).map(SmallStackRun.decode) {
            say("begin", name)
            guard let nesting = NestingCase.all.first(where: { $0.name == name }) else {
                say("failed", name + "\tunknown case")
                continue
            }
            let answer = underWatchdog(name, stackSize: hostileSmallStack) { nesting.problem() }
            switch answer {
            case nil: say("failed", name + "\tdid not finish (see the watchdog's message)")
            case .some(nil): say("ok", name)
            case .some(.some(let problem)): say("failed", name + "\t" + problem)
            }
        }
    }

    func say(_ event: String, _ text: String) {
        // Unbuffered, so the line is out before a crash on the next case.
        FileHandle.standardOutput.write(Data("\(SmallStackRun.marker) \(event) \(SmallStackRun.encode(text))\n".utf8))
    }
}
