/// Parsed records and their problems in the parse cache's format. Each `write` has its `read` in
/// `ArchiveReader+Records.swift`, field for field in declaration order; `ParseCacheTests`
/// round-trips every record of the fixtures, the sample and a file with every field and compares
/// their full dumps, so a field left out here fails a test.
///
/// Locations name the file of the entry they are in (`file`) with one byte, and any other file
/// by name.
extension ArchiveWriter {
    mutating func location(_ location: SourceLocation, in file: String) {
        if location.file == file {
            byte(0)
        } else {
            byte(1)
            text(location.file)
        }
        integer(location.line)
        integer(location.column)
    }

    mutating func located<Value>(
        _ value: Located<Value>, in file: String, _ write: (inout ArchiveWriter, Value) -> Void
    ) {
        write(&self, value.value)
        location(value.location, in: file)
    }

    mutating func day(_ day: Day) {
        integer(day.year)
        integer(day.month)
        integer(day.day)
    }

    mutating func dayTime(_ dayTime: DayTime) {
        day(dayTime.day)
        optional(dayTime.minutes) { $0.integer($1) }
    }

    mutating func link(_ link: Link) {
        text(link.target)
        flag(link.isBracketed)
    }

    mutating func number(_ value: Double) {
        word(value.bitPattern)
    }

    mutating func diagnostic(_ diagnostic: Diagnostic, in file: String) {
        text(diagnostic.severity.rawValue)
        text(diagnostic.code.rawValue)
        location(diagnostic.location, in: file)
        text(diagnostic.message)
    }

    /// A parsed record: its kind's tag (1 to 6), then its header and fields.
    mutating func record(_ record: ParsedRecord, in file: String) {
        switch record {
        case .lead(let lead):
            byte(1)
            self.lead(lead, in: file)
        case .interaction(let interaction):
            byte(2)
            self.interaction(interaction, in: file)
        case .contact(let contact):
            byte(3)
            self.contact(contact, in: file)
        case .company(let company):
            byte(4)
            self.company(company, in: file)
        case .application(let application):
            byte(5)
            self.application(application, in: file)
        case .job(let job):
            byte(6)
            self.job(job, in: file)
        }
    }

    private mutating func header(_ header: RecordHeader, in file: String) {
        text(header.kind.rawValue)
        text(header.id)
        location(SourceLocation(file: header.file, line: header.bodyLine, column: 0), in: file)
        text(header.relativePath)
        text(header.body)
        list(header.custom) { writer, custom in
            writer.text(custom.field.key)
            writer.text(custom.field.kind.rawValue)
            writer.fieldValue(custom.value, in: file)
        }
    }

    private mutating func fieldValue(_ value: FieldValue, in file: String) {
        switch value {
        case .text(let text):
            byte(1)
            located(text, in: file) { $0.text($1) }
        case .number(let number):
            byte(2)
            located(number, in: file) { $0.number($1) }
        case .day(let day):
            byte(3)
            located(day, in: file) { $0.day($1) }
        case .dayTime(let dayTime):
            byte(4)
            located(dayTime, in: file) { $0.dayTime($1) }
        case .link(let link):
            byte(5)
            located(link, in: file) { $0.link($1) }
        case .list(let items):
            byte(6)
            texts(items, in: file)
        }
    }

    private mutating func text(_ value: Located<String>?, in file: String) {
        optional(value) { $0.located($1, in: file) { $0.text($1) } }
    }

    private mutating func texts(_ values: [Located<String>], in file: String) {
        list(values) { $0.located($1, in: file) { $0.text($1) } }
    }

    private mutating func link(_ value: Located<Link>?, in file: String) {
        optional(value) { $0.located($1, in: file) { $0.link($1) } }
    }

    private mutating func day(_ value: Located<Day>?, in file: String) {
        optional(value) { $0.located($1, in: file) { $0.day($1) } }
    }

    private mutating func dayTime(_ value: Located<DayTime>?, in file: String) {
        optional(value) { $0.located($1, in: file) { $0.dayTime($1) } }
    }

    private mutating func number(_ value: Located<Double>?, in file: String) {
        optional(value) { $0.located($1, in: file) { $0.number($1) } }
    }

    private mutating func choice<Value: RawRepresentable<String>>(_ value: Located<Value>?, in file: String) {
        optional(value) { $0.located($1, in: file) { $0.text($1.rawValue) } }
    }

    private mutating func milestones(_ entries: [MilestoneEntry], in file: String) {
        list(entries) { writer, entry in
            writer.located(entry.milestone, in: file) { $0.text($1) }
            writer.day(entry.date, in: file)
            writer.choice(entry.outcome, in: file)
        }
    }

    private mutating func lead(_ lead: Lead, in file: String) {
        header(lead.header, in: file)
        text(lead.role, in: file)
        link(lead.company, in: file)
        text(lead.source, in: file)
        choice(lead.temperature, in: file)
        text(lead.status, in: file)
        day(lead.created, in: file)
        text(lead.pipeline, in: file)
        dayTime(lead.nextFollowUp, in: file)
        link(lead.contact, in: file)
        link(lead.application, in: file)
        text(lead.owner, in: file)
        texts(lead.tags, in: file)
        // Parsed history entries all come from the file; git's are added after the cache.
        list(lead.history) { writer, entry in
            writer.located(entry.status, in: file) { $0.text($1) }
            writer.day(entry.date, in: file)
        }
        link(lead.client, in: file)
        link(lead.job, in: file)
        number(lead.value, in: file)
        text(lead.currency, in: file)
        text(lead.claimedBy, in: file)
        dayTime(lead.claimedAt, in: file)
        text(lead.lostReason, in: file)
        text(lead.contactName, in: file)
        text(lead.email, in: file)
        text(lead.phone, in: file)
    }

    private mutating func interaction(_ interaction: Interaction, in file: String) {
        header(interaction.header, in: file)
        link(interaction.lead, in: file)
        dayTime(interaction.date, in: file)
        choice(interaction.type, in: file)
        text(interaction.summary, in: file)
        choice(interaction.sentiment, in: file)
        text(interaction.nextAction, in: file)
        link(interaction.contact, in: file)
    }

    private mutating func contact(_ contact: Contact, in file: String) {
        header(contact.header, in: file)
        text(contact.name, in: file)
        text(contact.email, in: file)
        text(contact.phone, in: file)
        link(contact.company, in: file)
        text(contact.role, in: file)
        text(contact.linkedin, in: file)
        day(contact.clientSince, in: file)
    }

    private mutating func company(_ company: Company, in file: String) {
        header(company.header, in: file)
        text(company.name, in: file)
        text(company.website, in: file)
        text(company.industry, in: file)
        day(company.clientSince, in: file)
    }

    private mutating func application(_ application: Application, in file: String) {
        header(application.header, in: file)
        link(application.lead, in: file)
        text(application.title, in: file)
        link(application.company, in: file)
        text(application.url, in: file)
        day(application.applied, in: file)
        milestones(application.milestones, in: file)
        choice(application.outcome, in: file)
        day(application.closed, in: file)
        text(application.reason, in: file)
    }

    private mutating func job(_ job: Job, in file: String) {
        header(job.header, in: file)
        link(job.lead, in: file)
        text(job.title, in: file)
        link(job.company, in: file)
        link(job.contact, in: file)
        number(job.openings, in: file)
        number(job.fee, in: file)
        day(job.opened, in: file)
        milestones(job.milestones, in: file)
        choice(job.outcome, in: file)
        day(job.closed, in: file)
        text(job.reason, in: file)
    }
}
