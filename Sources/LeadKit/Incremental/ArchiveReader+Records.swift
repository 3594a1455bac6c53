/// Reads what `ArchiveWriter+Records.swift` writes, field for field in the same order.
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
