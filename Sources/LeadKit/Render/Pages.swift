/// The view models of each page: pre-formatted strings, ready for the templates.
struct Figure: Encodable {
    var label: String
    var value: String
    var detail: String
    var href: String
}

struct AgendaGroup: Encodable {
    var title: String
    var bucket: String
    var count: Int
    var rows: [LeadCard]
    var milestones: [MilestoneLine]
    /// Rows left out on the dashboard, shown on the agenda page.
    var more: Int
    var hasMore: Bool
}

struct Board: Encodable {
    struct Column: Encodable {
        var status: String
        var label: String
        var count: Int
        var cards: [LeadCard]
        var isWon: Bool
        var headingID: String
        /// Cards left out on the dashboard, shown on the pipeline page.
        var more: Int
        var hasMore: Bool
    }

    struct ClosedSummary: Encodable {
        var label: String
        var count: Int
        /// The Leads page filtered to this stage.
        var href: String
    }

    var name: String
    var label: String
    var columns: [Column]
    var closed: [ClosedSummary]
    var hasClosed: Bool
}

struct FunnelChart: Encodable {
    struct Row: Encodable {
        var label: String
        var reached: Int
        var barWidth: String
        var y: Int
        var textY: Int
        var conversion: String
        var median: String
        /// "3–9 d": the middle half of the stays.
        var spread: String
        /// The spread and median as positions on the time chart, in percent of its width.
        var spreadX: String?
        var spreadWidth: String?
        var medianX: String?
        var barY: Int
        var lineY: Int
    }

    struct SourceRow: Encodable {
        var source: String
        var cells: [String]
        var conversion: String
    }

    var pipeline: String
    var label: String
    var rows: [Row]
    var height: Int
    var summary: String
    var stageLabels: [String]
    var sourceRows: [SourceRow]
    var hasSources: Bool
    /// Whether any stage has stays to chart, and the longest upper quartile (the time chart's scale).
    var hasTimes: Bool
    var timeScale: String
}

struct FilterOptions: Encodable {
    struct Choice: Encodable {
        var value: String
        var label: String
    }

    var stages: [Choice]
    /// Empty where every lead listed is open (the agenda, the stale leads): the field is left out.
    var outcomes: [Choice]
    var hasOutcomes: Bool
    var temperatures: [Choice]
    var owners: [Choice]
    var tags: [Choice]
}

struct FieldRow: Encodable {
    var label: String
    var value: String
    var href: String?
}

struct DashboardPage: Encodable {
    var page: PageFrame
    var figures: [Figure]
    var agendaGroups: [AgendaGroup]
    var hasAgenda: Bool
    var boards: [Board]
    var stale: [LeadCard]
    var staleCount: Int
    var moreStale: Int
    var hasMoreStale: Bool
    var funnels: [FunnelChart]
    var forecast: [ForecastRow]
    var hasForecast: Bool
    var weekly: BarChart
    var weeklyRows: [FieldRow]
    var owners: [OwnerLink]
    var hasOwners: Bool
    var unassigned: Int
}

/// A pipeline's deal values in one currency.
struct ForecastRow: Encodable {
    var pipeline: String
    var open: String
    var weighted: String
    var won: String
}

struct ListPage<Row: Encodable>: Encodable {
    var page: PageFrame
    var rows: [Row]
    var count: Int
    var isEmpty: Bool
    var filter: FilterOptions?
}

struct StalePage: Encodable {
    struct Stalled: Encodable {
        var title: String
        var href: String
        var kind: String
        var furthest: String
        var lastProgress: String
        var silence: String
    }

    var page: PageFrame
    var rows: [LeadCard]
    var count: Int
    /// Text, stage, temperature, owner and tag, kept in the URL like the board's.
    var filter: FilterOptions?
    /// "1 stale lead", "4 stale leads".
    var caption: String
    var isEmpty: Bool
    /// "HOT after 7 days, WARM after 14, COLD after 30 without an interaction".
    var thresholds: String
    var stalled: [Stalled]
    var hasStalled: Bool
    /// Whether there are applications or jobs at all: without, the section is left out.
    var hasTracked: Bool
    var noProgressThresholds: String
}

/// The interactions index (the newest ones and every month) or one month's interactions.
struct InteractionsPage: Encodable {
    struct Month: Encodable {
        var label: String
        var href: String
        var count: Int
    }

    var page: PageFrame
    var heading: String
    var intro: String
    var rows: [InteractionLine]
    var isEmpty: Bool
    var months: [Month]
    var hasMonths: Bool
}

struct BoardPage: Encodable {
    var page: PageFrame
    var boards: [Board]
    var filter: FilterOptions
    var trackBoards: [TrackBoardView]
}

/// The applications' or jobs' board: a column per milestone and per outcome.
struct TrackBoardView: Encodable {
    struct Card: Encodable {
        var title: String
        var href: String
        var company: String
        var detail: String
    }

    struct Column: Encodable {
        var label: String
        var headingID: String
        var count: Int
        var cards: [Card]
        var isOutcome: Bool
    }

    var name: String
    var label: String
    var columns: [Column]
}

struct AgendaPage: Encodable {
    var page: PageFrame
    var agendaGroups: [AgendaGroup]
    var hasAgenda: Bool
    /// Text, stage, temperature, owner and tag, kept in the URL like the board's.
    var filter: FilterOptions?
}

struct FunnelPage: Encodable {
    struct LostReason: Encodable {
        var reason: String
        var count: Int
        var leads: [FieldRow]
    }

    var page: PageFrame
    var funnels: [FunnelChart]
    /// Why leads were lost (`lost_reason`), most frequent first.
    var lostReasons: [LostReason]
    var hasLostReasons: Bool
}

struct HistoryPage: Encodable {
    struct Row: Encodable {
        var period: String
        /// The period's row on the cohorts page; nil when no lead was created in it.
        var href: String?
        var created: Int
        var converted: Int
        var filled: Int
    }

    var page: PageFrame
    var months: [Row]
    var quarters: [Row]
    var hasRows: Bool
    var chart: BarChart?
}

/// An inline SVG column chart: groups of bars (a month, a week), one bar per series, with the numbers
/// in a table beside it. Coordinates are in the chart's own units (`width` × `height`).
struct BarChart: Encodable {
    struct Series: Encodable {
        var name: String
        var className: String
    }

    struct Bar: Encodable {
        var x: String
        var y: String
        var width: String
        var height: String
        var className: String
        var title: String
    }

    struct Label: Encodable {
        var x: String
        var text: String
    }

    var title: String
    var width: Int
    var height: Int
    var baseline: Int
    var series: [Series]
    var bars: [Bar]
    var labels: [Label]
    var labelY: Int
    var hasLegend: Bool
}

struct ProblemsPage: Encodable {
    var page: PageFrame
    var problems: [ProblemView]
    var summary: String
    var isEmpty: Bool
}

struct LeadPage: Encodable {
    struct HistoryRow: Encodable {
        var status: String
        var date: String
        /// `from the file`, or the commit: `a1b2c3d · Ann · “Move to warm lead”`.
        var source: String
    }

    var page: PageFrame
    var card: LeadCard
    var fields: [FieldRow]
    var notesHTML: String
    var hasNotes: Bool
    var history: [HistoryRow]
    var hasHistory: Bool
    /// Where the file's history dates differ from its commits' by more than a day.
    var historyNotes: [String]
    var hasHistoryNotes: Bool
    /// `Last changed Fri 20 Nov 2026 by Ann: “Move to warm lead” (a1b2c3d)`, from git.
    var lastChange: String?
    var timeline: [InteractionLine]
    var hasTimeline: Bool
    var applications: [FieldRow]
    var problems: [ProblemView]
    var hasProblems: Bool
}

/// `changes.html`: what changed in the 7 days up to the as-of date, the uncommitted changes first.
struct ChangesPage: Encodable {
    struct Day: Encodable {
        var label: String
        var rows: [Row]
    }

    struct Row: Encodable {
        var what: String
        var kind: String
        var title: String
        var href: String?
        var author: String?
        var commit: String?
        var subject: String?
    }

    var page: PageFrame
    var intro: String
    var note: String?
    var days: [Day]
    var isEmpty: Bool
}

struct RecordPage: Encodable {
    var page: PageFrame
    var heading: String
    var kind: String
    var fields: [FieldRow]
    var notesHTML: String
    var hasNotes: Bool
    var leads: [LeadCard]
    var hasLeads: Bool
    var people: [FieldRow]
    var hasPeople: Bool
    var timeline: [InteractionLine]
    var hasTimeline: Bool
    var milestones: [MilestoneRow]
    var hasMilestones: Bool
    var nextMilestone: String?
    var problems: [ProblemView]
    var hasProblems: Bool
    /// Not `badge`: Mustache would find it from inside cards and interactions that have none.
    var recordBadge: ProblemBadge?
    /// `Last changed … by …` from git; nil without history.
    var lastChange: String? = nil
}

struct MilestoneRow: Encodable {
    var label: String
    var date: String
    var done: Bool
    /// Recorded with a date still ahead, like a start date.
    var scheduled: Bool
    var isNext: Bool
    /// `done`, `scheduled`, `next`, space-separated; nil for none.
    var state: String?
}
/// A row of the contacts, companies or applications index.
struct RecordRow: Encodable {
    var title: String
    var href: String
    var detail: String
    var secondary: String
    var badge: ProblemBadge?
}
