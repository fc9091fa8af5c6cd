using DocRag.Native.Llama.Interop;

namespace DocRag.Native.Llama;

/// <summary>Decoding: tokens go in batches of <see cref="BatchSize"/> at the current position.</summary>
public sealed unsafe partial class LlamaContext
{
    /// <summary>
    /// Appends <paramref name="tokens"/> to the sequence and computes the logits of the last one. Cancelling stops
    /// llama.cpp mid-batch and throws <see cref="OperationCanceledException"/>; the memory is then cleared.
    /// </summary>
    public void Decode(ReadOnlySpan<int> tokens, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (tokens.IsEmpty)
        {
            return;
        }

        if (Position + tokens.Length > ContextSize)
        {
            throw new LlamaException(
                $"{tokens.Length} more tokens do not fit the context: {Position} of {ContextSize} are in use.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        Volatile.Write(ref *_abortFlag, 0);
        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => Volatile.Write(ref *(int*)(nint)state!, 1), (nint)_abortFlag)
            : default;

        for (var start = 0; start < tokens.Length; start += BatchSize)
        {
            var chunk = tokens.Slice(start, Math.Min(BatchSize, tokens.Length - start));
            var last = start + chunk.Length == tokens.Length;
            Fill(chunk, wantLastLogits: last);
            var result = (LlamaDecodeResult)LlamaNative.llama_decode(_handle, _batch);
            if (result != LlamaDecodeResult.Success)
            {
                Fail(result, cancellationToken);
            }

            Position += chunk.Length;
        }
    }

    private void Fill(ReadOnlySpan<int> chunk, bool wantLastLogits)
    {
        _batch.NTokens = chunk.Length;
        for (var i = 0; i < chunk.Length; i++)
        {
            _batch.Token[i] = chunk[i];
            _batch.Pos[i] = Position + i;
            _batch.NSeqId[i] = 1;
            _batch.SeqId[i][0] = 0;
            _batch.Logits[i] = 0;
        }

        if (wantLastLogits)
        {
            _batch.Logits[chunk.Length - 1] = 1;
        }
    }

    private void Fail(LlamaDecodeResult result, CancellationToken cancellationToken)
    {
        // Micro-batches processed before an abort or error stay in the cache; start over cleanly.
        ClearMemory();
        Volatile.Write(ref *_abortFlag, 0);
        switch (result)
        {
            case LlamaDecodeResult.Aborted:
                throw new OperationCanceledException("Decoding was cancelled.", cancellationToken);
            case LlamaDecodeResult.NoKvSlot:
                throw new LlamaException($"llama_decode found no KV slot: the context of {ContextSize} tokens is full.");
            case LlamaDecodeResult.InvalidBatch:
                throw new LlamaException("llama_decode rejected the batch as invalid.");
            default:
                throw new LlamaException($"llama_decode failed with code {(int)result}.");
        }
    }
}
