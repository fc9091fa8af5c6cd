namespace DocRag.Bench.Load;

/// <summary>The server's memory at one moment of the run.</summary>
/// <param name="Elapsed">Since the measured run started.</param>
/// <param name="WorkingSetBytes">VmRSS from /proc/PID/status.</param>
/// <param name="GcHeapBytes">The server's <c>docrag_gc_heap_size_bytes</c> from /metrics (managed heap after the last GC); null when absent.</param>
/// <param name="Answered">Requests answered so far (for throughput per interval).</param>
internal sealed record MemorySample(TimeSpan Elapsed, long WorkingSetBytes, long? GcHeapBytes, long Answered);
