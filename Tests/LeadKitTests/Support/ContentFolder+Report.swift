import Testing

@testable import LeadKit

/// The report of `files` as of `asOf`: the folder is checked, then analyzed as `leads build` does.
///
/// Analysis tests describe folders `leads check` accepts, so an error fails the test and lists every
/// diagnostic: a mistyped fixture cannot quietly change what a figure measures. Warnings such as
/// `no-interactions` or `future-interaction` are allowed; some cases are about them.
func report(
    _ files: [String: String], asOf: Day = ContentFolder.asOf,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> Report {
    let content = try check(files, asOf: asOf)
    if content.errorCount > 0 {
        fail("expected a folder without errors", content.diagnostics, sourceLocation)
    }
    return ReportAnalyzer(content: content, asOf: asOf).analyze()
}

extension Report {
    /// The facts of the lead with `id`, nil when the folder has no such lead.
    subscript(lead id: String) -> LeadFacts? {
        records.leads.firstIndex { $0.id == id }.map { facts[$0] }
    }

    /// The ids of leads given by position, as `stale` and `agenda` list them.
    func ids(_ positions: [Int]) -> [String] {
        positions.map { records.leads[$0].id }
    }

    /// The id of the interaction at `position`, e.g. a lead's `lastInteraction`.
    func interactionID(_ position: Int?) -> String? {
        position.map { records.interactions[$0].id }
    }

    /// The stages of one pipeline's funnel, in stage order.
    func funnel(of pipeline: String) -> [FunnelStage] {
        funnel.filter { $0.pipeline == pipeline }
    }
}
