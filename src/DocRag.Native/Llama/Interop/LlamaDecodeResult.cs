namespace DocRag.Native.Llama.Interop;

/// <summary>The return codes of <c>llama_decode</c> that the header defines; other negative values are fatal errors.</summary>
internal enum LlamaDecodeResult
{
    Success = 0,

    /// <summary>No KV slot for the batch: the context is full.</summary>
    NoKvSlot = 1,

    /// <summary>The abort callback asked to stop; processed micro-batches stay in memory.</summary>
    Aborted = 2,

    /// <summary>The batch itself was invalid.</summary>
    InvalidBatch = -1,
}
