import Mustache

/// A view model prepared for Mustache: its fields reflected once, on first use, into a dictionary.
///
/// swift-mustache looks names up by reflecting the whole value on every `{{name}}`, which made
/// large pages cost fields × lookups; a box reflects each value at most once, and only the values a
/// template actually reaches (a card's unused fields are never boxed).
final class ViewBox: MustacheParent {
    private let model: Any
    private lazy var fields: [String: Any] = {
        var fields: [String: Any] = [:]
        for child in Mirror(reflecting: model).children {
            // A nil optional is left out, as swift-mustache's own lookup does, so `{{#x}}` is false.
            guard let label = child.label, let value = ViewBox.box(child.value) else { continue }
            fields[label] = value
        }
        return fields
    }()

    init(_ model: Any) {
        self.model = model
    }

    func child(named name: String) -> Any? { fields[name] }

    static func box(_ value: Any) -> Any? {
        switch value {
        case is String, is Int, is Bool, is Double:
            return value
        case let container as BoxableContainer:
            // Arrays and optionals, without `as? [Any]`, which would copy every element into a new array.
            return container.boxedContents
        default:
            return ViewBox(value)
        }
    }
}

/// Arrays and optionals box their contents themselves.
private protocol BoxableContainer {
    var boxedContents: Any? { get }
}

extension Array: BoxableContainer {
    fileprivate var boxedContents: Any? { compactMap { ViewBox.box($0) } }
}

extension Optional: BoxableContainer {
    fileprivate var boxedContents: Any? {
        switch self {
        case .some(let wrapped): ViewBox.box(wrapped)
        case .none: nil
        }
    }
}
