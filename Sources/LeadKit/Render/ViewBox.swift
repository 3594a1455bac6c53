import Mustache

/// A view model prepared for Mustache: its fields reflected once into a dictionary.
///
/// swift-mustache looks names up by reflecting the whole value on every `{{name}}`, which made
/// large pages cost fields × lookups; boxing the tree once makes each lookup a hash probe.
struct ViewBox: MustacheParent {
    private let fields: [String: Any]

    init(_ model: Any) {
        var fields: [String: Any] = [:]
        for child in Mirror(reflecting: model).children {
            // A nil optional is left out, as swift-mustache's own lookup does, so `{{#x}}` is false.
            guard let label = child.label, let value = ViewBox.box(child.value) else { continue }
            fields[label] = value
        }
        self.fields = fields
    }

    func child(named name: String) -> Any? { fields[name] }

    static func box(_ value: Any) -> Any? {
        switch value {
        case is String, is Int, is Bool, is Double:
            return value
        case let array as [Any]:
            return array.compactMap(box)
        default:
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional:
                guard let wrapped = mirror.children.first?.value else { return nil }
                return box(wrapped)
            case .struct, .class:
                return ViewBox(value)
            default:
                return value
            }
        }
    }
}
