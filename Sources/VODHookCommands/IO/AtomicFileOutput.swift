import Platform
import VODHookCore

/// A report written to a file all at once or not at all: bytes go to a
/// temporary file beside it, renamed into place when the run is done, so a
/// CI step never uploads half a SARIF file.
final class AtomicFileOutput: OutputSink {
    let path: String
    private let temporaryPath: String
    private let descriptor: Int32
    private let file: FileOutput
    private var finished = false

    /// The reason, when the temporary file cannot be made.
    static func create(_ path: String) -> Result<AtomicFileOutput, InputError> {
        do {
            let (descriptor, temporary) = try Files.createUniqueFile(prefix: path + ".tmp-")
            return .success(AtomicFileOutput(path: path, temporaryPath: temporary, descriptor: descriptor))
        } catch {
            return .failure(InputError(reason: SourceList.reason(error)))
        }
    }

    private init(path: String, temporaryPath: String, descriptor: Int32) {
        self.path = path
        self.temporaryPath = temporaryPath
        self.descriptor = descriptor
        file = FileOutput(descriptor: descriptor)
    }

    deinit { if !finished { discard() } }

    func write(_ bytes: UnsafeRawBufferPointer) { file.write(bytes) }
    func flush() { file.flush() }
    var isClosed: Bool { file.isClosed }

    /// Puts the file in place; the reason when it could not be written.
    func commit() -> String? {
        finished = true
        file.flush()
        if file.isClosed {
            try? Files.close(descriptor)
            Files.remove(temporaryPath)
            return "could not write it (is the disk full?)"
        }
        do {
            try Files.synchronize(descriptor)
            try Files.close(descriptor)
            try Files.rename(temporaryPath, to: path)
            return nil
        } catch {
            Files.remove(temporaryPath)
            return SourceList.reason(error)
        }
    }

    /// Leaves no trace: the run was stopped before its report was whole.
    func discard() {
        finished = true
        // Emptied into the doomed file, so nothing is left to write to a closed descriptor.
        file.flush()
        try? Files.close(descriptor)
        Files.remove(temporaryPath)
    }
}
