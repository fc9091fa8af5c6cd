using System.Runtime.InteropServices;
using System.Text;
using LLama.Native;

namespace DocRag.Native.Llama;

/// <summary>A model's tokenizer. Thread-safe (llama.cpp's tokenizer API is); valid while its model is.</summary>
public sealed class LlamaVocabulary
{
    private readonly SafeLlamaModelHandle _model;
    private readonly SafeLlamaModelHandle.Vocabulary _vocab;

    internal LlamaVocabulary(SafeLlamaModelHandle model)
    {
        _model = model;
        _vocab = model.Vocab;
        Count = _vocab.Count;
        Type = (LlamaVocabType)(int)_vocab.Type;
        BeginningOfSequence = _vocab.BOS is { } bos ? (int)bos : -1;
        EndOfSequence = _vocab.EOS is { } eos ? (int)eos : -1;
        AddsBeginningOfSequence = _vocab.ShouldAddBOS;
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

    /// <summary>
    /// The text of every control token (&lt;|im_start|&gt;, &lt;|eot_id|&gt;, [INST], ...): text that becomes a control
    /// token when a prompt is tokenized with special-token parsing.
    /// </summary>
    public IReadOnlyList<string> GetControlTokenTexts()
    {
        var texts = new List<string>();
        for (var token = 0; token < Count; token++)
        {
            if (!((LLamaToken)token).IsControl(_vocab))
            {
                continue;
            }

            var text = Encoding.UTF8.GetString(GetPiece(token, special: true));
            if (!string.IsNullOrEmpty(text))
            {
                texts.Add(text);
            }
        }

        return texts;
    }

    /// <summary>True for tokens that end generation (EOS, EOT, &lt;|im_end|&gt;, ...).</summary>
    public bool IsEndOfGeneration(int token) => ((LLamaToken)token).IsEndOfGeneration(_vocab);

    /// <summary>
    /// Tokenizes UTF-8 text. <paramref name="addSpecial"/> adds BOS/EOS as the model asks; <paramref name="parseSpecial"/>
    /// turns control-token text (&lt;|im_start|&gt;) into those tokens instead of plain text.
    /// </summary>
    public int[] Tokenize(string text, bool addSpecial, bool parseSpecial)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = _model.Tokenize(text, addSpecial, parseSpecial, Encoding.UTF8);
        return MemoryMarshal.Cast<LLamaToken, int>(tokens).ToArray();
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
        written = (int)_model.TokenToSpan(token, destination, lstrip: 0, special);
        return written <= destination.Length;
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

    /// <summary>
    /// Turns tokens back into text (the inverse of <see cref="Tokenize"/> without special tokens): their pieces joined,
    /// less the space a SentencePiece vocabulary puts before the first word.
    /// </summary>
    public string Detokenize(ReadOnlySpan<int> tokens)
    {
        var bytes = new List<byte>(tokens.Length * 4);
        var buffer = new byte[256];
        for (var i = 0; i < tokens.Length; i++)
        {
            var lstrip = i == 0 && Type == LlamaVocabType.SentencePiece ? 1 : 0;
            var n = (int)_model.TokenToSpan(tokens[i], buffer, lstrip, special: false);
            if (n > buffer.Length)
            {
                buffer = new byte[n];
                n = (int)_model.TokenToSpan(tokens[i], buffer, lstrip, special: false);
            }

            bytes.AddRange(buffer.AsSpan(0, n));
        }

        return Encoding.UTF8.GetString(CollectionsMarshal.AsSpan(bytes));
    }
}
