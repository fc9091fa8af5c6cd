using System.Text;

namespace DocRag.Core.Embeddings.Tokenization.Normalization;

/// <summary>NFC, NFD, NFKC or NFKD.</summary>
internal sealed class UnicodeFormNormalizer(NormalizationForm form) : ITextNormalizer
{
    public string Normalize(string text, ref bool leadingAligned) => UnicodeText.NormalizeForm(text, form);
}
