extension BarChart {
    /// A chart of `groups` (a label and one value per series), bars scaled to the largest value.
    static func make(
        title: String, series: [Series], groups: [(label: String, values: [Int])], labelEvery: Int = 1
    ) -> BarChart {
        let barWidth = 10
        let gap = 6
        let plotHeight = 120
        let groupWidth = series.count * barWidth + gap
        let largest = max(1, groups.flatMap(\.values).max() ?? 1)
        var bars: [Bar] = []
        var labels: [Label] = []
        for (index, group) in groups.enumerated() {
            let left = index * groupWidth
            for (position, value) in group.values.enumerated() {
                let height = Double(value) / Double(largest) * Double(plotHeight)
                bars.append(
                    Bar(
                        x: String(left + position * barWidth), y: Format.number(Double(plotHeight) - height),
                        width: String(barWidth - 1), height: Format.number(max(height, value > 0 ? 1 : 0)),
                        className: series[position].className,
                        title: "\(group.label): \(value) \(series[position].name.lowercased())"))
            }
            if index % labelEvery == 0 {
                labels.append(Label(x: String(left), text: group.label))
            }
        }
        return BarChart(
            title: title, width: max(groupWidth * groups.count, 1), height: plotHeight + 18, baseline: plotHeight,
            series: series, bars: bars, labels: labels, labelY: plotHeight + 14, hasLegend: series.count > 1)
    }
}
