namespace DocRag.Server.Security;

/// <summary>
/// What an endpoint calls to honour scoped API keys. A scoped key may only search, answer from, list and upload to its
/// own collections; an unscoped key or (with no keys configured) a local caller may use all. While keys are configured,
/// a caller without one gets no collection at all (fail closed).
/// </summary>
public static class CollectionAccess
{
    /// <summary>The caller's scope.</summary>
    public static CollectionScope GetScope(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var store = context.RequestServices.GetRequiredService<ApiKeyStore>();
        if (!store.HasKeys)
        {
            return CollectionScope.All;
        }

        var identity = context.User.Identity;
        if (identity is { IsAuthenticated: true, AuthenticationType: ApiKeyDefaults.Scheme, Name: { } name }
            && store.FindByName(name) is { } key)
        {
            return key.Scope;
        }

        return CollectionScope.None;
    }

    public static bool IsAllowed(HttpContext context, string collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        return GetScope(context).Allows(collection);
    }

    /// <summary>Throws <see cref="CollectionAccessDeniedException"/> (403 <c>collection-forbidden</c>) unless allowed.</summary>
    public static void EnsureAllowed(HttpContext context, string collection)
    {
        if (!IsAllowed(context, collection))
        {
            throw new CollectionAccessDeniedException(collection);
        }
    }

    /// <summary>
    /// The collections a search or answer should cover: the one requested (checked), or when none is requested, the
    /// caller's own (null meaning every collection).
    /// </summary>
    public static IReadOnlySet<string>? ResolveSearchScope(HttpContext context, string? requestedCollection)
    {
        var scope = GetScope(context);
        if (requestedCollection is not null)
        {
            if (!scope.Allows(requestedCollection))
            {
                throw new CollectionAccessDeniedException(requestedCollection);
            }

            return new HashSet<string>([requestedCollection], StringComparer.Ordinal);
        }

        return scope.Collections;
    }

    /// <summary>Keeps the items whose collection the caller may see (for listings of documents or collections).</summary>
    public static IEnumerable<T> Filter<T>(HttpContext context, IEnumerable<T> items, Func<T, string> collectionOf)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(collectionOf);
        var scope = GetScope(context);
        return scope.IsUnrestricted ? items : items.Where(item => scope.Allows(collectionOf(item)));
    }
}
