/// Parsed records and their problems in the parse cache's format. Each `write` has its `read`
/// below it, field for field in declaration order; `ParseCacheTests` round-trips every record of
/// the sample and of a generated folder and compares their full dumps, so a field left out here
/// fails a test.
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

extension ArchiveReader {
    mutating func location(in file: String) throws -> SourceLocation {
        let name = try flag() ? try text() : file
        return SourceLocation(file: name, line: try integer(), column: try integer())
    }

    mutating func located<Value>(
        in file: String, _ read: (inout ArchiveReader) throws -> Value
    ) throws -> Located<Value> {
        let value = try read(&self)
        return Located(value, at: try location(in: file))
    }

    mutating func day() throws -> Day {
        guard let day = Day(year: try integer(), month: try integer(), day: try integer()) else {
            throw ArchiveDamaged()
        }
        return day
    }

    mutating func dayTime() throws -> DayTime {
        DayTime(day: try day(), minutes: try optional { try $0.integer() })
    }

    mutating func link() throws -> Link {
        Link(target: try text(), isBracketed: try flag())
    }

    mutating func double() throws -> Double {
        Double(bitPattern: try word())
    }

    mutating func choice<Value: RawRepresentable<String>>() throws -> Value {
        guard let value = Value(rawValue: try text()) else { throw ArchiveDamaged() }
        return value
    }

    mutating func diagnostic(in file: String) throws -> Diagnostic {
        let severity: Severity = try choice()
        let code: DiagnosticCode = try choice()
        return Diagnostic(severity, code, at: try location(in: file), try text())
    }

    mutating func record(in file: String) throws -> ParsedRecord {
        switch try byte() {
        case 1: .lead(try lead(in: file))
        case 2: .interaction(try interaction(in: file))
        case 3: .contact(try contact(in: file))
        case 4: .company(try company(in: file))
        case 5: .application(try application(in: file))
        case 6: .job(try job(in: file))
        default: throw ArchiveDamaged()
        }
    }

    private mutating func header(in file: String) throws -> RecordHeader {
        let kind: RecordKind = try choice()
        let id = try text()
        let start = try location(in: file)
        var header = RecordHeader(
            kind: kind, id: id, file: start.file, relativePath: try text(), body: try text(), bodyLine: start.line)
        header.custom = try list { reader in
            let key = try reader.text()
            let field = CustomField(key: key, kind: try reader.choice())
            return CustomValue(field: field, value: try reader.fieldValue(in: file))
        }
        return header
    }

    private mutating func fieldValue(in file: String) throws -> FieldValue {
        switch try byte() {
        case 1: .text(try located(in: file) { try $0.text() })
        case 2: .number(try located(in: file) { try $0.double() })
        case 3: .day(try located(in: file) { try $0.day() })
        case 4: .dayTime(try located(in: file) { try $0.dayTime() })
        case 5: .link(try located(in: file) { try $0.link() })
        case 6: .list(try texts(in: file))
        default: throw ArchiveDamaged()
        }
    }

    private mutating func text(in file: String) throws -> Located<String>? {
        try optional { try $0.located(in: file) { try $0.text() } }
    }

    private mutating func texts(in file: String) throws -> [Located<String>] {
        try list { try $0.located(in: file) { try $0.text() } }
    }

    private mutating func link(in file: String) throws -> Located<Link>? {
        try optional { try $0.located(in: file) { try $0.link() } }
    }

    private mutating func day(in file: String) throws -> Located<Day>? {
        try optional { try $0.located(in: file) { try $0.day() } }
    }

    private mutating func dayTime(in file: String) throws -> Located<DayTime>? {
        try optional { try $0.located(in: file) { try $0.dayTime() } }
    }

    private mutating func number(in file: String) throws -> Located<Double>? {
        try optional { try $0.located(in: file) { try $0.double() } }
    }

    private mutating func choice<Value: RawRepresentable<String>>(in file: String) throws
        -> Located<Value>?
    {
        try optional { reader in
            try reader.located(in: file) { reader throws -> Value in try reader.choice() }
        }
    }

    private mutating func milestones(in file: String) throws -> [MilestoneEntry] {
        try list { reader in
            MilestoneEntry(
                milestone: try reader.located(in: file) { try $0.text() }, date: try reader.day(in: file),
                outcome: try reader.choice(in: file))
        }
    }

    private mutating func lead(in file: String) throws -> Lead {
        var lead = Lead(header: try header(in: file))
        lead.role = try text(in: file)
        lead.company = try link(in: file)
        lead.source = try text(in: file)
        lead.temperature = try choice(in: file)
        lead.status = try text(in: file)
        lead.created = try day(in: file)
        lead.pipeline = try text(in: file)
        lead.nextFollowUp = try dayTime(in: file)
        lead.contact = try link(in: file)
        lead.application = try link(in: file)
        lead.owner = try text(in: file)
        lead.tags = try texts(in: file)
        lead.history = try list { reader in
            HistoryEntry(status: try reader.located(in: file) { try $0.text() }, date: try reader.day(in: file))
        }
        lead.client = try link(in: file)
        lead.job = try link(in: file)
        lead.value = try number(in: file)
        lead.currency = try text(in: file)
        lead.claimedBy = try text(in: file)
        lead.claimedAt = try dayTime(in: file)
        lead.lostReason = try text(in: file)
        lead.contactName = try text(in: file)
        lead.email = try text(in: file)
        lead.phone = try text(in: file)
        return lead
    }

    private mutating func interaction(in file: String) throws -> Interaction {
        var interaction = Interaction(header: try header(in: file))
        interaction.lead = try link(in: file)
        interaction.date = try dayTime(in: file)
        interaction.type = try choice(in: file)
        interaction.summary = try text(in: file)
        interaction.sentiment = try choice(in: file)
        interaction.nextAction = try text(in: file)
        interaction.contact = try link(in: file)
        return interaction
    }

    private mutating func contact(in file: String) throws -> Contact {
        var contact = Contact(header: try header(in: file))
        contact.name = try text(in: file)
        contact.email = try text(in: file)
        contact.phone = try text(in: file)
        contact.company = try link(in: file)
        contact.role = try text(in: file)
        contact.linkedin = try text(in: file)
        contact.clientSince = try day(in: file)
        return contact
    }

    private mutating func company(in file: String) throws -> Company {
        var company = Company(header: try header(in: file))
        company.name = try text(in: file)
        company.website = try text(in: file)
        company.industry = try text(in: file)
        company.clientSince = try day(in: file)
        return company
    }

    private mutating func application(in file: String) throws -> Application {
        var application = Application(header: try header(in: file))
        application.lead = try link(in: file)
        application.title = try text(in: file)
        application.company = try link(in: file)
        application.url = try text(in: file)
        application.applied = try day(in: file)
        application.milestones = try milestones(in: file)
        application.outcome = try choice(in: file)
        application.closed = try day(in: file)
        application.reason = try text(in: file)
        return application
    }

    private mutating func job(in file: String) throws -> Job {
        var job = Job(header: try header(in: file))
        job.lead = try link(in: file)
        job.title = try text(in: file)
        job.company = try link(in: file)
        job.contact = try link(in: file)
        job.openings = try number(in: file)
        job.fee = try number(in: file)
        job.opened = try day(in: file)
        job.milestones = try milestones(in: file)
        job.outcome = try choice(in: file)
        job.closed = try day(in: file)
        job.reason = try text(in: file)
        return job
    }
}
