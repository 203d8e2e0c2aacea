#if FUZZING
/// The fuzzing build's entry point: it hands control to libFuzzer's driver.
///
/// SwiftPM on Linux links an executable with `--defsym main=HandbillFuzz_main`, so libFuzzer's
/// own `main` is never the one called; this function, under that name, starts libFuzzer with
/// the command line and `LLVMFuzzerTestOneInput`. Built only with `-DFUZZING` (and
/// `-enable-experimental-feature Extern`, for the declaration below): see Tests/Tools/fuzz.sh.
@_cdecl("HandbillFuzz_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc, argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput)
}

/// libFuzzer's driver (FuzzerDriver.cpp), declared here because no C header is at hand.
@_extern(c, "LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#endif
