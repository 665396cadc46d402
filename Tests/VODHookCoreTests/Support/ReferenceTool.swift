import Foundation

/// Runs an outside reference (python3, node, md5sum) to its end: the one
/// launcher of this test target. Standard input comes from a file, since
/// pipes both ways could fill and deadlock; standard error is dropped.
enum ReferenceTool {
    struct Run {
        var status: Int32
        var stdout: Data
    }

    static func run(_ executable: URL, _ arguments: [String], input: Data? = nil) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        var inputFile: URL?
        defer { if let inputFile { try? FileManager.default.removeItem(at: inputFile) } }
        if let input {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("vodhook-reference-\(UUID().uuidString)")
            try input.write(to: file)
            inputFile = file
            process.standardInput = try FileHandle(forReadingFrom: file)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: data)
    }
}
