#if canImport(Glibc)
    import Glibc
#endif

/// How the process's memory allocator is set up for a run.
enum MallocArenas {
    /// Keeps glibc's allocator to one arena.
    ///
    /// By default glibc gives each thread that allocates its own arena, and memory freed in one arena is not
    /// reused by threads allocating in another: the memory the ingest threads free stays mapped while the
    /// analysis and report threads allocate afresh, which adds 7–15 MB to a run's peak. The run's hot loops
    /// hardly allocate, so one arena costs no measurable time (see the README's performance section). Does
    /// nothing on other C libraries.
    static func useOne() {
        #if canImport(Glibc)
            // `mallopt` and `M_ARENA_MAX` (-8) are declared in <malloc.h>, which Swift's Glibc module leaves out.
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(nil, "mallopt") else { return }
            _ = unsafeBitCast(symbol, to: Mallopt.self)(-8, 1)
        #endif
    }
}
