using LLama.Native;

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
            _batch.Clear();
            for (var i = 0; i < chunk.Length; i++)
            {
                _batch.Add(chunk[i], Position + i, LLamaSeqId.Zero, logits: last && i == chunk.Length - 1);
            }

            var result = _handle.Decode(_batch);
            if (result != DecodeResult.Ok)
            {
                Fail(result, cancellationToken);
            }

            Position += chunk.Length;
        }
    }

    private void Fail(DecodeResult result, CancellationToken cancellationToken)
    {
        // Micro-batches processed before an abort or error stay in the cache; start over cleanly.
        ClearMemory();
        Volatile.Write(ref *_abortFlag, 0);
        switch (result)
        {
            case DecodeResult.ComputeAborted:
                throw new OperationCanceledException("Decoding was cancelled.", cancellationToken);
            case DecodeResult.NoKvSlot:
                throw new LlamaException($"llama_decode found no KV slot: the context of {ContextSize} tokens is full.");
            case DecodeResult.InvalidInputBatch:
                throw new LlamaException("llama_decode rejected the batch as invalid.");
            default:
                throw new LlamaException($"llama_decode failed with code {(int)result} ({result}).");
        }
    }
}
