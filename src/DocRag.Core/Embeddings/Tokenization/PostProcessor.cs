namespace DocRag.Core.Embeddings.Tokenization;

/// <summary>
/// Puts the special tokens around one encoded sequence (<c>[CLS] $A [SEP]</c>, <c>&lt;s&gt; $A &lt;/s&gt;</c>) with
/// their type ids: the single-sequence part of TemplateProcessing, RobertaProcessing and BertProcessing.
/// </summary>
internal sealed class PostProcessor(int[] prefixIds, int[] prefixTypeIds, int[] suffixIds, int[] suffixTypeIds, int sequenceTypeId)
{
    public static PostProcessor None { get; } = new([], [], [], [], 0);

    /// <summary>The number of special tokens added around a sequence.</summary>
    public int AddedCount => prefixIds.Length + suffixIds.Length;

    public static PostProcessor Wrap(int firstId, int lastId) => new([firstId], [0], [lastId], [0], 0);

    public EncodedText Apply(List<int> ids, int count)
    {
        var length = prefixIds.Length + count + suffixIds.Length;
        var inputIds = new int[length];
        var typeIds = new int[length];
        prefixIds.CopyTo(inputIds, 0);
        prefixTypeIds.CopyTo(typeIds, 0);
        for (var i = 0; i < count; i++)
        {
            inputIds[prefixIds.Length + i] = ids[i];
            typeIds[prefixIds.Length + i] = sequenceTypeId;
        }

        suffixIds.CopyTo(inputIds, prefixIds.Length + count);
        suffixTypeIds.CopyTo(typeIds, prefixIds.Length + count);
        return new EncodedText(inputIds, typeIds);
    }
}
