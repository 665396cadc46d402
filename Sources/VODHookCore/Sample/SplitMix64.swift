/// The generator behind `vodhook sample`: SplitMix64 (Steele, Lea and Flood,
/// 2014), chosen because it is tiny, fast and fully specified, so a seed
/// gives the same payloads on every platform and toolchain.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Starts the sequence at `seed`; every seed, zero included, is fine.
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`, by plain remainder: the bias is below 2^-50
    /// for the bounds used here, and unlike `Int.random(in:using:)` the
    /// mapping is ours, so a new standard library cannot change the output.
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(next() % UInt64(bound))
    }

    /// One of `choices`, each drawn with its weight.
    public mutating func weighted<T>(_ choices: [(T, Int)]) -> T {
        Self.pick(choices, draw: next())
    }

    /// What `weighted` would pick for this draw; for choices that are only
    /// known after the draw has been made.
    public static func pick<T>(_ choices: [(T, Int)], draw: UInt64) -> T {
        var roll = Int(draw % UInt64(choices.reduce(0) { $0 + $1.1 }))
        for (choice, weight) in choices {
            if roll < weight { return choice }
            roll -= weight
        }
        return choices[choices.count - 1].0
    }
}
