import Dispatch

/// An order-preserving map over all cores, in chunks so small items are not dominated by scheduling.
enum ParallelMap {
    static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], chunkSize: Int = 32, _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        let count = inputs.count
        guard count > chunkSize else { return inputs.map(transform) }
        let chunks = (count + chunkSize - 1) / chunkSize
        return [Output](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each chunk writes a disjoint range of the buffer, so no two threads touch the same element.
            nonisolated(unsafe) let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = chunk * chunkSize
                for position in start..<min(start + chunkSize, count) {
                    (base + position).initialize(to: transform(inputs[position]))
                }
            }
            initialized = count
        }
    }
}
