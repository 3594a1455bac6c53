import FlyingSocks

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// FlyingFox's socket pool, with connections closed once they have waited `idle` for their peer.
///
/// FlyingFox's own `timeout` bounds only how long a handler may take; a connection whose peer sends
/// nothing (or half a request, or never reads the answer) would otherwise hold its socket and task
/// for as long as the peer likes. Every wait of a connection for reading or writing goes through
/// `suspendSocket`, so bounding that wait bounds idleness, between requests on a kept-alive
/// connection as well as within one.
struct IdleTimeoutPool<Base: AsyncSocketPool>: AsyncSocketPool {
    var base: Base
    var idle: Duration

    func prepare() async throws {
        try await base.prepare()
    }

    func run() async throws {
        try await base.run()
    }

    /// Waits as `base` does; a connection still not ready after `idle` fails with
    /// `SocketError.disconnected`, which FlyingFox takes as the peer gone and closes the connection.
    /// The listening socket waits for connections as long as it takes.
    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        if Self.isListening(socket) {
            return try await base.suspendSocket(socket, untilReadyFor: events)
        }
        let base = base
        let idle = idle
        let ready = try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await base.suspendSocket(socket, untilReadyFor: events)
                return true
            }
            group.addTask {
                try await Task.sleep(for: idle)
                return false
            }
            // The loser is cancelled; its CancellationError is dropped with the group.
            defer { group.cancelAll() }
            return try await group.next() ?? false
        }
        if !ready { throw SocketError.disconnected }
    }

    /// Whether `socket` is one that accepts connections (on Linux, waiting for a connection is
    /// waiting to read, so the events alone cannot tell).
    static func isListening(_ socket: Socket) -> Bool {
        var value: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        return getsockopt(socket.file.rawValue, SOL_SOCKET, SO_ACCEPTCONN, &value, &length) == 0 && value != 0
    }
}
