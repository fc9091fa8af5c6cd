namespace DocRag.Server.Security;

/// <summary>A caller's API key does not cover the collection asked for; the server answers 403 <c>collection-forbidden</c>.</summary>
public sealed class CollectionAccessDeniedException : Exception
{
    public CollectionAccessDeniedException()
        : this("")
    {
    }

    public CollectionAccessDeniedException(string collection)
        : base($"This API key may not use collection '{collection}'.") => Collection = collection;

    public CollectionAccessDeniedException(string collection, Exception innerException)
        : base($"This API key may not use collection '{collection}'.", innerException) => Collection = collection;

    public string Collection { get; } = "";
}
