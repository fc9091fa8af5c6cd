using System.Runtime.InteropServices;
using DocRag.Native.Llama.Interop;
using DocRag.Native.Loading;

namespace DocRag.Native.Llama;

/// <summary>Model and vocabulary entry points.</summary>
internal static unsafe partial class LlamaNative
{
    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial LlamaModelParams llama_model_default_params();

    [LibraryImport(NativeLibraryNames.Llama, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial SafeLlamaModelHandle llama_model_load_from_file(string pathModel, LlamaModelParams parameters);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial void llama_model_free(nint model);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial nint llama_model_get_vocab(SafeLlamaModelHandle model);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial int llama_model_n_ctx_train(SafeLlamaModelHandle model);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial int llama_model_n_embd(SafeLlamaModelHandle model);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial int llama_model_n_layer(SafeLlamaModelHandle model);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial int llama_model_n_head(SafeLlamaModelHandle model);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial int llama_model_n_head_kv(SafeLlamaModelHandle model);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial ulong llama_model_n_params(SafeLlamaModelHandle model);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial ulong llama_model_size(SafeLlamaModelHandle model);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial LlamaFileType llama_model_ftype(SafeLlamaModelHandle model);

    [LibraryImport(NativeLibraryNames.Llama)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool llama_model_has_decoder(SafeLlamaModelHandle model);

    /// <summary>Length of the value, or -1 when the key is absent; the buffer is always NUL-terminated.</summary>
    [LibraryImport(NativeLibraryNames.Llama, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int llama_model_meta_val_str(SafeLlamaModelHandle model, string key, byte* buf, nuint bufSize);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial int llama_model_desc(SafeLlamaModelHandle model, byte* buf, nuint bufSize);

    /// <summary>The model's default chat template (<c>name</c> NULL), or NULL when it has none.</summary>
    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial byte* llama_model_chat_template(SafeLlamaModelHandle model, byte* name);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial LlamaVocabType llama_vocab_type(nint vocab);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial int llama_vocab_n_tokens(nint vocab);

    [LibraryImport(NativeLibraryNames.Llama)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool llama_vocab_is_eog(nint vocab, int token);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial int llama_vocab_bos(nint vocab);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial int llama_vocab_eos(nint vocab);

    [LibraryImport(NativeLibraryNames.Llama)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool llama_vocab_get_add_bos(nint vocab);

    /// <summary>Number of tokens, or minus the number needed when <paramref name="nTokensMax"/> is too small.</summary>
    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial int llama_tokenize(
        nint vocab, byte* text, int textLen, int* tokens, int nTokensMax,
        [MarshalAs(UnmanagedType.U1)] bool addSpecial, [MarshalAs(UnmanagedType.U1)] bool parseSpecial);

    /// <summary>Bytes written (no NUL), or minus the size needed.</summary>
    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial int llama_token_to_piece(
        nint vocab, int token, byte* buf, int length, int lstrip, [MarshalAs(UnmanagedType.U1)] bool special);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial int llama_detokenize(
        nint vocab, int* tokens, int nTokens, byte* text, int textLenMax,
        [MarshalAs(UnmanagedType.U1)] bool removeSpecial, [MarshalAs(UnmanagedType.U1)] bool unparseSpecial);
}
