using System.Text;

namespace DocRag.Native.Llama;

/// <summary>A model's tokenizer. Thread-safe (llama.cpp's tokenizer API is); valid while its model is.</summary>
public sealed unsafe class LlamaVocabulary
{
    private readonly SafeLlamaModelHandle _model;
    private readonly nint _vocab;

    internal LlamaVocabulary(SafeLlamaModelHandle model, nint vocab)
    {
        _model = model;
        _vocab = vocab;
        using var lease = new SafeHandleLease(model);
        Count = LlamaNative.llama_vocab_n_tokens(vocab);
        Type = LlamaNative.llama_vocab_type(vocab);
        BeginningOfSequence = LlamaNative.llama_vocab_bos(vocab);
        EndOfSequence = LlamaNative.llama_vocab_eos(vocab);
        AddsBeginningOfSequence = LlamaNative.llama_vocab_get_add_bos(vocab);
    }

    /// <summary>Number of tokens in the vocabulary.</summary>
    public int Count { get; }

    public LlamaVocabType Type { get; }

    /// <summary>The BOS token id, or -1 when the model has none.</summary>
    public int BeginningOfSequence { get; }

    /// <summary>The EOS token id, or -1 when the model has none.</summary>
    public int EndOfSequence { get; }

    /// <summary>Whether tokenizing with special tokens prepends BOS for this model.</summary>
    public bool AddsBeginningOfSequence { get; }

    /// <summary>True for tokens that end generation (EOS, EOT, &lt;|im_end|&gt;, ...).</summary>
    public bool IsEndOfGeneration(int token)
    {
        using var lease = new SafeHandleLease(_model);
        return LlamaNative.llama_vocab_is_eog(_vocab, token);
    }

    /// <summary>
    /// Tokenizes UTF-8 text. <paramref name="addSpecial"/> adds BOS/EOS as the model asks; <paramref name="parseSpecial"/>
    /// turns control-token text (&lt;|im_start|&gt;) into those tokens instead of plain text.
    /// </summary>
    public int[] Tokenize(string text, bool addSpecial, bool parseSpecial)
    {
        ArgumentNullException.ThrowIfNull(text);
        var utf8 = Encoding.UTF8.GetBytes(text);
        var tokens = new int[utf8.Length + 4];
        using var lease = new SafeHandleLease(_model);
        while (true)
        {
            int n;
            fixed (byte* t = utf8)
            fixed (int* o = tokens)
            {
                n = LlamaNative.llama_tokenize(_vocab, t, utf8.Length, o, tokens.Length, addSpecial, parseSpecial);
            }

            if (n == int.MinValue)
            {
                throw new LlamaException($"Tokenizing {utf8.Length} bytes overflowed llama.cpp's token count.");
            }

            if (n >= 0)
            {
                return n == tokens.Length ? tokens : tokens[..n];
            }

            tokens = new int[-n];
        }
    }

    /// <summary>Number of tokens <paramref name="text"/> becomes, without special tokens.</summary>
    public int CountTokens(string text) => Tokenize(text, addSpecial: false, parseSpecial: false).Length;

    /// <summary>
    /// Writes the UTF-8 bytes of one token into <paramref name="destination"/>. A piece may be part of a multi-byte
    /// character (byte tokens), so callers decode pieces with a stateful decoder. Returns false, with the size needed
    /// in <paramref name="written"/>, when the destination is too small.
    /// </summary>
    public bool TryWritePiece(int token, Span<byte> destination, bool special, out int written)
    {
        using var lease = new SafeHandleLease(_model);
        int n;
        fixed (byte* p = destination)
        {
            n = LlamaNative.llama_token_to_piece(_vocab, token, p, destination.Length, 0, special);
        }

        written = Math.Abs(n);
        return n >= 0;
    }

    /// <summary>The UTF-8 bytes of one token.</summary>
    public byte[] GetPiece(int token, bool special = false)
    {
        Span<byte> small = stackalloc byte[64];
        if (TryWritePiece(token, small, special, out var n))
        {
            return small[..n].ToArray();
        }

        var big = new byte[n];
        TryWritePiece(token, big, special, out n);
        return big[..n];
    }

    /// <summary>Turns tokens back into text (the inverse of <see cref="Tokenize"/>).</summary>
    public string Detokenize(ReadOnlySpan<int> tokens, bool removeSpecial = false, bool unparseSpecial = false)
    {
        var buffer = new byte[Math.Max(16, tokens.Length * 8)];
        using var lease = new SafeHandleLease(_model);
        while (true)
        {
            int n;
            fixed (int* t = tokens)
            fixed (byte* o = buffer)
            {
                n = LlamaNative.llama_detokenize(_vocab, t, tokens.Length, o, buffer.Length, removeSpecial, unparseSpecial);
            }

            if (n >= 0)
            {
                return Encoding.UTF8.GetString(buffer, 0, n);
            }

            buffer = new byte[-n];
        }
    }
}
