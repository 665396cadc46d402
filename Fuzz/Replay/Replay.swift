// A main for the fuzz targets without libFuzzer: runs each file named on the
// command line through the target once. For reproducing a finding under a
// debugger, or where the toolchain ships no fuzzer runtime (macOS).
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

@main
enum Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let file = fopen(path, "rb") else {
                print("replay: cannot open \(path)")
                exit(2)
            }
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = fread(&chunk, 1, chunk.count, file)
                if count <= 0 { break }
                bytes += chunk[0..<count]
            }
            fclose(file)
            _ = bytes.withUnsafeBufferPointer { fuzzTarget($0.baseAddress, $0.count) }
            print("replay: \(path) ok (\(bytes.count) bytes)")
        }
    }
}
