import Testing

@testable import LeadKit

/// `missing-field`, `invalid-value`, `invalid-date` and `unknown-field`: one field at a time, by the schema.
@Suite struct FieldRuleTests {
    @Test func anAbsentRequiredFieldIsReportedAtTheOpeningLine() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: "[[acme]]"
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            ---
            """,
        ])
        expectDiagnostic(
            .missingField, at: "leads/acme-platform.md", line: 1, column: 1, in: diagnostics,
            messageContains: ["lead is missing required field 'created'"])
    }

    @Test func anEmptyRequiredFieldIsReportedAtItsKey() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: "[[acme]]"
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created:
            ---
            """,
        ])
        expectDiagnostic(
            .missingField, at: "leads/acme-platform.md", line: 7, column: 1, in: diagnostics,
            messageContains: ["required field 'created' is empty"])
    }

    @Test func aRequiredFieldWrittenAsEmptyQuotesIsEmptyToo() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "leads/acme-platform.md": """
            ---
            role: ""
            company: "[[acme]]"
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-10-01
            ---
            """,
        ])
        // README: missing-field is "a required field is absent or empty".
        expectDiagnostic(.missingField, at: "leads/acme-platform.md", line: 2, column: 1, in: diagnostics)
    }

    @Test func aHistoryEntryWithoutDateIsReportedAtTheEntry() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: "[[acme]]"
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-10-01
            history:
              - {status: DISCOVERY}
            ---
            """,
        ])
        expectDiagnostic(
            .missingField, at: "leads/acme-platform.md", line: 9, column: 5, in: diagnostics,
            messageContains: ["history entry is missing required field 'date'"])
    }

    @Test func anUnknownStatusSuggestsTheClosestStage() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: "[[acme]]"
            source: REFERRAL
            temperature: HOT
            status: WARM
            created: 2026-10-01
            ---
            """,
        ])
        expectDiagnostic(
            .invalidValue, at: "leads/acme-platform.md", line: 6, column: 9, in: diagnostics,
            messageContains: [
                "unknown status 'WARM' for pipeline networking",
                "expected one of DISCOVERY, WAKING_UP, WARM_LEAD, REFERRAL_SECURED, CONVERTED, ARCHIVED",
                "did you mean WARM_LEAD?",
            ])
    }

    @Test func anUnknownTemperatureListsTheAllowedValues() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: "[[acme]]"
            source: REFERRAL
            temperature: hott
            status: DISCOVERY
            created: 2026-10-01
            ---
            """,
        ])
        expectDiagnostic(
            .invalidValue, at: "leads/acme-platform.md", line: 5, column: 14, in: diagnostics,
            messageContains: ["unknown temperature 'hott'; expected one of HOT, WARM, COLD", "did you mean HOT?"])
    }

    @Test func aMappingWhereTextIsExpectedIsTheWrongType() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "leads/acme-platform.md": """
            ---
            role: {title: Platform Engineer}
            company: "[[acme]]"
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-10-01
            ---
            """,
        ])
        expectDiagnostic(
            .invalidValue, at: "leads/acme-platform.md", line: 2, column: 7, in: diagnostics,
            messageContains: ["'role' must be text, not a mapping"])
    }

    @Test func anUnknownSourceListsTheConfiguredOnes() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: "[[acme]]"
            source: CARRIER_PIGEON
            temperature: HOT
            status: DISCOVERY
            created: 2026-10-01
            ---
            """,
        ])
        expectDiagnostic(
            .invalidValue, at: "leads/acme-platform.md", line: 4, column: 9, in: diagnostics,
            messageContains: ["unknown source 'CARRIER_PIGEON'", "LINKEDIN, NETWORKING_EVENT, REFERRAL"])
    }

    @Test func anUnknownPipelineSuggestsTheClosestOne() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: "[[acme]]"
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-10-01
            pipeline: sale
            ---
            """,
        ])
        expectDiagnostic(
            .invalidValue, at: "leads/acme-platform.md", line: 8, column: 11, in: diagnostics,
            messageContains: ["unknown pipeline 'sale'; expected one of networking, sales", "did you mean sales?"])
    }

    @Test func anImpossibleDateIsAnInvalidDate() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: "[[acme]]"
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-02-30
            ---
            """,
        ])
        expectDiagnostic(
            .invalidDate, at: "leads/acme-platform.md", line: 7, column: 10, in: diagnostics,
            messageContains: ["invalid date '2026-02-30' for 'created'; it is not a real date"])
    }

    @Test func aTimeOfDayMustBeWrittenWithTwoDigitHours() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: "[[acme]]"
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-10-01
            next_follow_up: 2026-11-25T9:30
            ---
            """,
        ])
        expectDiagnostic(
            .invalidDate, at: "leads/acme-platform.md", line: 8, column: 17, in: diagnostics,
            messageContains: ["expected YYYY-MM-DD or YYYY-MM-DDTHH:MM"])
    }

    @Test func aMisspeltKeyIsAnUnknownFieldWithASuggestion() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": Valid.company,
            "contacts/ada.md": """
            ---
            name: Ada Lovelace
            email: ada@acme.example
            compnay: "[[acme]]"
            ---
            """,
        ])
        let warning = expectDiagnostic(
            .unknownField, at: "contacts/ada.md", line: 4, column: 1, in: diagnostics,
            messageContains: ["unknown field 'compnay' in contact", "did you mean company?"])
        #expect(warning?.severity == .warning)
    }

    @Test func aWebsiteMustBeAWebAddress() throws {
        let diagnostics = try diagnostics([
            "companies/acme.md": """
            ---
            name: Acme
            website: javascript:alert(1)
            ---
            """
        ])
        expectDiagnostic(
            .invalidValue, at: "companies/acme.md", line: 3, column: 10, in: diagnostics,
            messageContains: ["'website' must be an http(s), mailto: or tel: address, not 'javascript:alert(1)'"])
    }

    @Test func anEmailNeedsAnAtSign() throws {
        let diagnostics = try diagnostics([
            "contacts/ada.md": """
            ---
            name: Ada Lovelace
            email: ada.acme.example
            ---
            """
        ])
        expectDiagnostic(
            .invalidValue, at: "contacts/ada.md", line: 3, column: 8, in: diagnostics,
            messageContains: ["'email' must be an address like name@example.com"])
    }
}
