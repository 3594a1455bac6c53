/// Decides which user-written addresses may become links in the report.
public enum SafeURL {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// The address to put in `href`, or nil when it must not be a link.
    /// An address without a scheme (`linkedin.com/in/x`) is taken as https.
    public static func href(for text: String) -> String? {
        let address = text.trimmingSpaces
        guard !address.isEmpty,
            !address.unicodeScalars.contains(where: {
                $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F
            })
        else { return nil }
        if let scheme = scheme(of: address) {
            return allowedSchemes.contains(scheme.lowercased()) ? address : nil
        }
        guard !address.hasPrefix("/"), !address.hasPrefix("\\"), address.contains(".") else { return nil }
        return "https://" + address
    }

    /// The text before the first ':' when it has the shape of a URL scheme (RFC 3986).
    static func scheme(of address: String) -> Substring? {
        guard let colon = address.firstIndex(of: ":") else { return nil }
        let candidate = address[..<colon]
        guard let first = candidate.unicodeScalars.first, first.isASCIILetter,
            candidate.unicodeScalars.allSatisfy({
                $0.isASCIILetter || ("0"..."9").contains($0) || "+.-".unicodeScalars.contains($0)
            })
        else { return nil }
        return candidate
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
