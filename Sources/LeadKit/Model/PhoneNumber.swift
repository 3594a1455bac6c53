/// Phone numbers compared in one form, so one number written three ways is one number.
public enum PhoneNumber {
    /// `+49301234567` for `0049 30 1234567`, `+49 (0)30 1234567` and `+49 30 1234567`: digits only,
    /// an international `00` written as `+`, and the trunk `(0)` after a country code left out.
    /// A national number (`030 1234567`) keeps its form. Nil with fewer than 5 digits.
    public static func comparable(_ text: String) -> String? {
        var text = text.trimmingSpaces
        // `+49 (0)30`: the 0 is dialled only from inside the country.
        text = text.replacingOccurrences(of: "(0)", with: "")
        var digits = String(text.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
        guard digits.count >= 5 else { return nil }
        // `(+46) 70…` is international too.
        var international = text.drop { $0 == "(" || $0 == " " }.hasPrefix("+")
        if !international, digits.hasPrefix("00") {
            digits.removeFirst(2)
            international = true
        }
        return international ? "+" + digits : digits
    }
}
