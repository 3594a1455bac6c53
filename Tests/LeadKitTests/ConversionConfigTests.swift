import Testing

@testable import LeadKit

/// What `config.yml` says about conversions: what a pipeline converts into, its stages' chances of
/// winning, the currency, and the milestone tracks.
@Suite struct ConversionConfigTests {
    static func lead(_ id: String, status: String, value: Int, pipeline: String = "sales", extra: String = "") -> String
    {
        """
        ---
        role: Audit \(id)
        company: Acme
        source: OTHER
        temperature: WARM
        status: \(status)
        created: 2026-11-01
        pipeline: \(pipeline)
        email: buyer@acme.example
        value: \(value)
        \(extra)---

        """
    }

    @Test func theForecastSumsOpenWeightedAndWonValuesPerPipelineAndCurrency() throws {
        let report = try report([
            "config.yml": """
            currency: usd
            pipelines:
              - name: sales
                stages: [NOT_CONTACTED, CONTACTED, QUALIFIED, CONVERTED]
                closed: [LOST]
                probability: {CONTACTED: 0.25, QUALIFIED: 0.5}
            """,
            "leads/a.md": Self.lead("a", status: "CONTACTED", value: 1000),
            "leads/b.md": Self.lead("b", status: "QUALIFIED", value: 3000),
            "leads/c.md": Self.lead("c", status: "QUALIFIED", value: 500, extra: "currency: EUR\n"),
            "leads/d.md": Self.lead("d", status: "LOST", value: 9000),
            "leads/e.md": Self.lead("e", status: "NOT_CONTACTED", value: 200),
        ])
        let rows = report.forecast.map {
            "\($0.pipeline) \($0.currency) \($0.openValue) \($0.weightedValue) \($0.wonValue)"
        }
        // USD: open 1000 + 3000 + 200, weighted 250 + 1500 + 0 (no probability for NOT_CONTACTED); LOST counts nowhere.
        #expect(rows == ["sales EUR 500.0 250.0 0.0", "sales USD 4200.0 1750.0 0.0"])
    }

    @Test func aProbabilityMustBeAShareOfAStage() throws {
        let diagnostics = try diagnostics([
            "config.yml": """
            pipelines:
              - name: sales
                stages: [NEW, WON]
                probability: {NEW: 1.5, MAYBE: 0.5}
            """
        ])
        #expect(
            diagnostics.map(\.formatted) == [
                "content/config.yml:4:24: error: 'probability.NEW' must be a number from 0 to 1, not '1.5' [invalid-value]",
                "content/config.yml:4:29: error: 'probability' names 'MAYBE', which is not a stage of 'sales' [invalid-value]",
            ])
    }

    @Test func aConfiguredTrackReplacesTheBuiltInOneAndNamesMatchItsLabels() throws {
        let checked = try check([
            "config.yml": """
            milestones:
              job: [BRIEFING, {code: SHORTLIST, label: Shortlist sent}, {code: GO, decision: true}, START_DATE]
            """,
            "leads/acme.md": """
            ---
            role: Engineer
            company: Acme
            source: OTHER
            temperature: WARM
            status: IDENTIFIED
            created: 2026-11-01
            pipeline: recruiting
            ---
            """,
            "jobs/acme.md": """
            ---
            lead: "[[acme]]"
            title: Engineer
            milestones:
              - {name: briefing, date: 2026-11-02}
              - {name: shortlist sent, date: 2026-11-05}
              - {name: GO, date: 2026-11-06, outcome: yes}
            ---
            """,
        ])
        expectNoDiagnostics(checked.diagnostics)
        let track = checked.configuration.track(.job)
        #expect(track.codes == ["BRIEFING", "SHORTLIST", "GO", "START_DATE"])
        #expect(track.step("GO")?.isDecision == true)
        #expect(checked.records.jobs.first?.milestones.map(\.milestone.value) == ["BRIEFING", "SHORTLIST", "GO"])

        let unknown = try diagnostics([
            "config.yml": "milestones:\n  job: [BRIEFING]\n",
            "jobs/acme.md":
                "---\nlead: acme\ntitle: Engineer\nmilestones:\n  - {name: CVS_RECEIVED, date: 2026-11-02}\n---\n",
        ])
        #expect(
            unknown.contains {
                $0.code == .invalidValue
                    && $0.message.hasPrefix("unknown milestone 'CVS_RECEIVED'; expected one of BRIEFING")
            })
    }

    @Test func aPipelineConvertsIntoWhatConfigSays() throws {
        let diagnostics = try diagnostics([
            "config.yml": """
            pipelines:
              - name: partnerships
                stages: [IDEA, SIGNED]
                converts_into: client
              - name: agency
                stages: [A, B]
                converts_into: contract
            """,
            "leads/acme.md": """
            ---
            role: Partnership
            company: Acme
            source: OTHER
            temperature: WARM
            status: SIGNED
            created: 2026-11-01
            pipeline: partnerships
            ---
            """,
        ])
        #expect(
            diagnostics.filter { $0.severity == .error }.map(\.formatted) == [
                "content/config.yml:7:20: error: unknown conversion target 'contract'; expected one of application, client, job [invalid-value]",
                "content/leads/acme.md:6:9: error: lead is SIGNED but has no 'client'; run `leads convert acme`, which creates the client and links it [won-without-application]",
            ])
    }
}
