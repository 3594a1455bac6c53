/// A value a template reads: what a view model becomes once `TemplateEncoder` has encoded it.
///
/// The shapes are JSON's: named fields, ordered lists, strings, numbers, flags and null. In a
/// section, only `false`, an empty list and a missing or null value are false; `""` and `0` are
/// true, as they were in swift-mustache, the renderer this one replaced (kept as the test oracle).
enum TemplateData {
    case null
    case text(String)
    case integer(Int)
    case flag(Bool)
    case number(Double)
    case list([TemplateData])
    case object(TemplateObject)

    /// The field `name` of an object; `nil` for a missing field and for anything not an object.
    @inline(__always)
    func field(_ name: String) -> TemplateData? {
        if case .object(let object) = self { return object.fields[name] }
        return nil
    }
}

/// Named fields, filled while a view model is encoded (a nested object is linked before its
/// fields are written, hence a class) and only read after that.
final class TemplateObject {
    var fields: [String: TemplateData]

    init(fields: [String: TemplateData] = [:]) {
        self.fields = fields
    }
}
