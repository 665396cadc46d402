import Foundation

/// Runs the binary with any standard input (a file, a directory) and an
/// optional early close of its output, for what `BinaryRunner` cannot set up.
enum Spawn {
    typealias Result = ExternalTool.Launch

    /// `closeOutputAfter`: read this many bytes of standard output, then close
    /// the pipe as `head` does; nil reads it all.
    static func run(
        _ arguments: [String], stdin: FileHandle = FileHandle.nullDevice, closeOutputAfter: Int? = nil, timeout: TimeInterval = 60
    ) throws -> Result {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NO_COLOR")
        return try ExternalTool.launch(
            BinaryRunner.binary, arguments, in: BinaryRunner.packageRoot, environment: environment,
            input: .handle(stdin), closeOutputAfter: closeOutputAfter, timeout: timeout)
    }
}
