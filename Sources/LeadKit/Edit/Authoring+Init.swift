extension Authoring {
    /// A new content folder: a commented `config.yml`, one example of each record kind (all passing
    /// `leads check` on `asOf`) and `.leads/`, the marker commands find the folder by, which also
    /// keeps `leads undo`'s journal and ignores itself in git.
    public static func initialFiles(asOf: Day) -> [FileChange] {
        let today = asOf.description
        let lastWeek = Day(ordinal: asOf.ordinal - 7).description
        let config = """
            # leads configuration. Everything here is optional: delete a section to get the defaults.

            # Pipelines a lead can follow; the first is the default. Redefine a built-in one by its name
            # (networking, sales) or add your own.
            pipelines:
              - name: networking
                stages: [DISCOVERY, WAKING_UP, WARM_LEAD, REFERRAL_SECURED, CONVERTED]
                won: CONVERTED          # needs an application: see `leads convert`
                closed: [ARCHIVED]
              - name: sales
                stages: [NOT_CONTACTED, CONTACTED, QUALIFIED, CONVERTED]
                closed: [LOST]
                requires_reachable_contact: true

            # Where leads come from.
            sources: [LINKEDIN, NETWORKING_EVENT, REFERRAL, WEBSITE, COLD_CALL, EMAIL, EVENT, JOB_BOARD, OTHER]

            # Days without an interaction after which an open lead is stale.
            stale_after_days: {HOT: 7, WARM: 14, COLD: 30}

            # A new lead with no interaction is stale after this many hours.
            acknowledge_within_hours: 24

            """
        let company = YAMLText.record(
            .company,
            [("name", "Northwind Logistics"), ("website", "https://northwind.example"), ("industry", "Logistics")],
            body: "Route-planning software for regional carriers.")
        let contact = YAMLText.record(
            .contact,
            [
                ("name", "Jonas Weber"), ("email", "jonas@northwind.example"),
                ("company", YAMLText.link("northwind-logistics")), ("role", "Engineering Manager"),
            ], body: "Former teammate; introduced me to the routing team.")
        let lead = YAMLText.record(
            .lead,
            [
                ("role", "Staff Backend Engineer"), ("company", YAMLText.link("northwind-logistics")),
                ("source", "REFERRAL"), ("temperature", "HOT"), ("status", "CONVERTED"), ("created", lastWeek),
                ("contact", YAMLText.link("jonas-weber")),
                ("application", YAMLText.link("northwind-logistics-staff-backend-engineer")),
                (
                    "history",
                    YAMLText.blockList([
                        [("status", "DISCOVERY"), ("date", lastWeek)],
                        [("status", "REFERRAL_SECURED"), ("date", lastWeek)],
                        [("status", "CONVERTED"), ("date", today)],
                    ])
                ),
            ], body: "Jonas mentioned the routing team is hiring a staff engineer.")
        let interaction = YAMLText.record(
            .interaction,
            [
                ("lead", YAMLText.link("northwind-logistics-staff-backend-engineer")), ("date", lastWeek),
                ("type", "MEETING"), ("summary", "Coffee with Jonas"), ("sentiment", "POSITIVE"),
                ("next_action", "Send my CV"), ("contact", YAMLText.link("jonas-weber")),
            ], body: "- The team runs about 40 Go services.\n- On-call is one week in six.")
        let application = YAMLText.record(
            .application,
            [
                ("lead", YAMLText.link("northwind-logistics-staff-backend-engineer")),
                ("title", "Staff Backend Engineer"), ("company", YAMLText.link("northwind-logistics")),
                ("applied", today), ("milestones", YAMLText.blockList([[("name", "CV_RECEIVED"), ("date", today)]])),
            ], body: "Applied through Jonas' referral.")
        return [
            .create("config.yml", config),
            .create(UndoJournal.folder + "/.gitignore", UndoJournal.ignoreText),
            // Git merges lead files with `leads merge-file` once `leads git-setup` has named the driver.
            .create(".gitattributes", "*.md merge=leads\n"),
            .create("companies/northwind-logistics.md", company), .create("contacts/jonas-weber.md", contact),
            .create("leads/northwind-logistics-staff-backend-engineer.md", lead),
            .create("interactions/\(lastWeek)-northwind-logistics-staff-backend-engineer-coffee.md", interaction),
            .create("applications/northwind-logistics-staff-backend-engineer.md", application),
        ]
    }
}
