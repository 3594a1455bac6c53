/// How a code reads in prose: `WARM_LEAD` → "Warm lead", `CV_RECEIVED` → "CV received".
public enum CodeLabel {
    /// Words whose usual spelling is not just a capital first letter.
    static let spellings = ["linkedin": "LinkedIn", "cv": "CV", "cvs": "CVs"]

    public static func make(_ code: String) -> String {
        let words = code.lowercased().split(separator: "_").map { spellings[String($0)] ?? String($0) }
        let text = words.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst()
    }
}
