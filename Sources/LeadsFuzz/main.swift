import Foundation
import LeadKit

// A libFuzzer target: arbitrary bytes through the whole check path, diagnostics out.
// `make fuzz` builds it with `-sanitize=fuzzer,address -DFUZZING`; an ordinary build only prints a hint.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    _ = FuzzTarget.check(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if FUZZING
    // SwiftPM links executables with `main` renamed, so libFuzzer's own `main` is bypassed: start its driver here.
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(runFuzzerDriver(&argc, &argv, fuzzOne))
#else
    print("build with `make fuzz` to fuzz the check path")
#endif
