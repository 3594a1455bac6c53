/// The cohorts page: leads by the period they were created in, and where they are now.
struct CohortsPage: Encodable {
    struct Cell: Encodable {
        /// The column, e.g. "Filled", for the stacked rows of a narrow screen.
        var label: String
        var count: Int
        var href: String?
    }

    struct Row: Encodable {
        var anchor: String
        var period: String
        var pipeline: String
        var cells: [Cell]
    }

    struct Group: Encodable {
        var id: String
        var title: String
        var periodLabel: String
        var rows: [Row]
    }

    struct Members: Encodable {
        var anchor: String
        var title: String
        var leads: [RecordRow]
    }

    var page: PageFrame
    var groups: [Group]
    var members: [Members]
    var hasCohorts: Bool
}
