extension RecordValidator {
    func validate(_ interaction: Interaction) -> [Diagnostic] {
        var diagnostics = checkLink(interaction.lead, field: "lead", kind: .lead)
        diagnostics += checkLink(interaction.contact, field: "contact", kind: .contact)
        guard let date = interaction.date else { return diagnostics }
        if date.value.day > asOf {
            diagnostics.append(
                .warning(
                    .futureInteraction, at: date.location,
                    "interaction is dated \(date.value), after today (\(asOf)); log interactions once they happened"))
        }
        if let target = interaction.lead?.value.target, let position = index.leads[target],
            let created = records.leads[position].created, date.value.day < created.value
        {
            diagnostics.append(
                .warning(
                    .interactionBeforeLead, at: date.location,
                    "interaction is dated \(date.value.day), before lead '\(target)' was created on \(created.value)"))
        }
        return diagnostics
    }

    func validate(_ contact: Contact) -> [Diagnostic] {
        var diagnostics = checkCompany(contact.company)
        diagnostics += checkURL(contact.linkedin, field: "linkedin")
        if let email = contact.email, !email.value.contains("@") {
            diagnostics.append(
                .error(.invalidValue, at: email.location, "'email' must be an address like name@example.com"))
        }
        return diagnostics
    }

    func validate(_ application: Application) -> [Diagnostic] {
        var diagnostics = checkLink(application.lead, field: "lead", kind: .lead)
        diagnostics += checkCompany(application.company)
        diagnostics += checkURL(application.url, field: "url")
        return diagnostics
    }

    /// Contacts sharing a normalized email or phone, found by hashing rather than comparing pairs.
    func duplicateContacts() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var firstByKey: [String: Contact] = [:]
        for contact in records.contacts {
            var keys: [(key: String, field: Located<String>, label: String)] = []
            if let email = contact.email {
                let normalized = email.value.trimmingSpaces.lowercased()
                if !normalized.isEmpty { keys.append(("email:" + normalized, email, "email")) }
            }
            if let phone = contact.phone {
                let digits = String(phone.value.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
                if digits.count >= 5 { keys.append(("phone:" + digits, phone, "phone")) }
            }
            for (key, field, label) in keys {
                if let first = firstByKey[key], first.id != contact.id {
                    diagnostics.append(
                        .warning(
                            .duplicateContact, at: field.location,
                            "\(contact.header.file) and \(first.header.file) have the same \(label) '\(field.value)'; merge the two contacts"
                        ))
                } else {
                    firstByKey[key] = contact
                }
            }
        }
        return diagnostics
    }
}
