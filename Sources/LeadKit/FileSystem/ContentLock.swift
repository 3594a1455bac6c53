import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The advisory lock a write command holds on a content folder from reading it to its last write
/// (`flock` on the folder itself, so no lock file is left in the user's folder), so two commands at
/// once run one after the other: each plans from the files as the other left them, and no edit is
/// lost. The system drops the lock when the process ends, also when it is killed.
public final class ContentLock: @unchecked Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Takes the lock, waiting up to `timeout` for a command holding it; `waiting` is called once
    /// when it has to wait (to say so). Throws `EditError` when the folder cannot be locked or the
    /// wait runs out. A folder that does not exist is not locked (the command reports it).
    /// `content: false` locks any folder (the one a report is written beside) without cleaning it.
    public static func acquire(
        root: String, content: Bool = true, timeout: Duration = .seconds(60), waiting: () -> Void = {}
    ) throws(EditError) -> ContentLock? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else {
            return nil
        }
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw EditError("cannot lock \(root): \(String(cString: strerror(errno)))")
        }
        let deadline = ContinuousClock.now + timeout
        var told = false
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, ContinuousClock.now < deadline else {
                let reason =
                    errno == EWOULDBLOCK ? "another leads command still holds it" : String(cString: strerror(errno))
                close(descriptor)
                throw EditError("cannot lock \(root) (\(reason)); nothing was written")
            }
            if !told {
                waiting()
                told = true
            }
            usleep(20_000)
        }
        let lock = ContentLock(descriptor: descriptor)
        if content { lock.removeTemporaryFiles(in: root) }
        return lock
    }

    /// Temporary files (`.name.<pid>.<n>.leads-tmp`) of a command that was killed before it renamed
    /// them: with the lock held, no other command is writing one, so every one left is stale.
    private func removeTemporaryFiles(in root: String) {
        for kind in RecordKind.allCases {
            let folder = (root.hasSuffix("/") ? root : root + "/") + kind.folder
            guard let names = FileManager.default.enumerator(atPath: folder) else { continue }
            while let name = names.nextObject() as? String {
                if name.hasSuffix(".leads-tmp") { unlink(folder + "/" + name) }
            }
        }
    }
}
