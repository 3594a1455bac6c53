import Foundation
import Testing

@testable import LeadKit

/// The rule list is the one place a rule's code, severity and summary live: the README's table is
/// made from it, and every code of the contract has exactly one rule.
@Suite struct RuleListTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../README.md").standardized

    @Test func everyCodeHasExactlyOneRule() {
        let codes = Rules.all.map { $0.code }
        #expect(codes.count == Set(codes).count, "a code listed twice: \(codes)")
        #expect(Set(codes) == Set(DiagnosticCode.allCases), "codes without a rule, or rules without a code")
        for rule in Rules.all {
            #expect(!rule.summary.isEmpty, "\(rule.code.rawValue) has no summary")
        }
    }

    @Test func errorsAreListedBeforeWarnings() {
        let severities = Rules.all.map { $0.severity }
        #expect(severities == severities.sorted(), "the table lists errors first, then warnings")
    }

    /// Re-generate with `RECORD_GOLDEN=1 swift test --filter RuleListTests` (the run fails on purpose).
    @Test func theReadmeRulesTableIsGeneratedFromTheRuleList() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let begin = "<!-- rules: generated from Rules.all"
        let end = "<!-- end of rules -->"
        let start = try #require(text.range(of: begin), "the README has no generated rules table")
        let tableStart = try #require(text[start.upperBound...].range(of: "\n")).upperBound
        let tableEnd = try #require(text[tableStart...].range(of: end)).lowerBound
        let table = Rules.markdownTable()
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
            try (text[..<tableStart] + table + text[tableEnd...]).write(
                to: Self.readme, atomically: true, encoding: .utf8)
            Issue.record("rewrote the rules table in README.md; review and commit it, then run again")
            return
        }
        #expect(
            String(text[tableStart..<tableEnd]) == table,
            "README.md's rules table differs from Rules.all; RECORD_GOLDEN=1 swift test --filter RuleListTests rewrites it"
        )
    }

    @Test func theValidatorRunsEveryRecordRule() {
        let names = Rules.recordRules.map { String(describing: type(of: $0)) }
        #expect(
            names == [
                "InvalidValue", "BrokenLink", "DuplicateID", "IllegalTransition", "HistoryMismatch", "HistoryOrder",
                "WonWithoutApplication", "ReferralWithoutContact", "SalesLeadUnreachable", "NoInteractions",
                "InteractionBeforeLead", "FutureInteraction", "DuplicateContact", "DuplicateLead", "MilestoneOrder",
                "UnknownOwner", "CouldLink",
            ])
    }

    /// A stage's requirements come from `config.yml`: a pipeline may require a contact at any stage.
    @Test func aConfiguredStageRequiresAContact() throws {
        let diagnostics = try diagnostics([
            "config.yml": """
            pipelines:
              - name: hiring
                stages: [SOURCED, SHORTLISTED, PLACED]
                requires_contact: [shortlisted]
            """,
            "leads/acme.md": """
            ---
            role: Engineer
            company: Acme
            source: OTHER
            temperature: WARM
            status: SHORTLISTED
            created: 2026-11-01
            pipeline: hiring
            ---
            """,
        ])
        expectDiagnostic(
            .referralWithoutContact, at: "leads/acme.md", line: 6, column: 9, in: diagnostics, alone: false)
    }

    @Test func aRequiredContactStageMustBeAStageOfThePipeline() throws {
        let diagnostics = try diagnostics([
            "config.yml": """
            pipelines:
              - name: hiring
                stages: [SOURCED, PLACED]
                requires_contact: [INTERVIEWED]
            """
        ])
        expectDiagnostic(
            .invalidValue, at: "config.yml", line: 4, column: 23, in: diagnostics,
            messageContains: ["'requires_contact' names 'INTERVIEWED', which is not a stage of 'hiring'"])
    }
}
