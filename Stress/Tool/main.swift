// stress-tool: the generators, the memory meter and the output scanner
// behind Stress/run.sh. Built with swiftc -O on its own; not part of the package.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

let arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else {
    fputs("usage: stress-tool ndjson|random|deep|string|keys|digits|nul|utf8|sized|zeros|measure|scan|siege ...\n", stderr)
    exit(2)
}
let rest = Array(arguments.dropFirst())

func number(_ index: Int) -> Int {
    guard index < rest.count, let value = Int(rest[index]) else {
        fputs("stress-tool \(command): argument \(index + 1) must be a number\n", stderr)
        exit(2)
    }
    return value
}

switch command {
case "ndjson":
    // ndjson PATH LINES SEED: "documents valid invalid broken bytes" on
    // standard error, since PATH may be "-" and standard output the stream.
    let counts = Generate.ndjson(to: rest[0], lines: number(1), seed: UInt64(number(2)))
    fputs("\(counts.documents) \(counts.valid) \(counts.invalid) \(counts.broken) \(counts.bytes)\n", stderr)
case "random": Generate.random(to: rest[0], bytes: number(1), seed: UInt64(number(2)))
case "deep": Generate.deep(to: rest[0], depth: number(1))
case "string": Generate.hugeString(to: rest[0], bytes: number(1), place: rest.count > 2 ? rest[2] : "JobIds")
case "keys": Generate.manyKeys(to: rest[0], count: number(1))
case "digits": Generate.longNumbers(to: rest[0], digits: number(1))
case "nul": print(Generate.nulBytes(to: rest[0]))
case "utf8": print(Generate.invalidUTF8(to: rest[0]))
case "sized": Generate.sizedDocument(to: rest[0], bytes: number(1), terminated: rest.count < 3 || rest[2] != "endless")
case "zeros": Generate.zeros(to: rest[0], count: number(1))
case "measure":
    // measure [--report FILE] -- COMMAND...: the report goes to FILE, else standard error.
    var command = rest
    var report: String?
    if command.first == "--report", command.count > 1 {
        report = command[1]
        command.removeFirst(2)
    }
    exit(Measure.run(Array(command.drop { $0 == "--" }), report: report))
case "scan": exit(Scan.run(rest.first ?? "-"))
case "siege": exit(Siege.run(port: number(0), pid: number(1), idle: number(2), senders: number(3), perSender: number(4)))
default:
    fputs("stress-tool: unknown command \(command)\n", stderr)
    exit(2)
}
