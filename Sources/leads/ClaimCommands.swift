import ArgumentParser
import LeadKit

struct ClaimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim", abstract: "Claim an unowned lead: it is yours for claim_window_hours (default 24).")

    @OptionGroup var options: ContentOptions
    @Argument(help: "The lead's id.") var lead: String
    @Option(parsing: .unconditional, help: "Who claims it.") var by: String

    func run() throws {
        let now = try options.now()
        try WriteCommand.run(options) { workspace throws(EditError) in
            try Authoring.claim(lead, by: by, now: now, in: workspace)
        }
    }
}

struct Assign: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Make someone a lead's owner; a claim is cleared.")

    @OptionGroup var options: ContentOptions
    @Argument(help: "The lead's id.") var lead: String
    @Argument(help: "The owner.") var owner: String

    func run() throws {
        try WriteCommand.run(options) { workspace throws(EditError) in
            try Authoring.assign(lead, to: owner, in: workspace)
        }
    }
}

struct Release: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Give a lead back to the pool: no owner, no claim.")

    @OptionGroup var options: ContentOptions
    @Argument(help: "The lead's id.") var lead: String

    func run() throws {
        try WriteCommand.run(options) { workspace throws(EditError) in
            try Authoring.release(lead, in: workspace)
        }
    }
}
