import FuzzEntries
import Foundation

/// libFuzzer entry: one query line per input (`make fuzz`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQueryInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzEntries.query(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

#if !FUZZING
/// Without libFuzzer: replays the files named on the command line.
@main
enum FuzzQueryReplay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            FuzzEntries.query(Array(FileManager.default.contents(atPath: path) ?? Data()))
        }
    }
}
#endif
