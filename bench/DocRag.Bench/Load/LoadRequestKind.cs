namespace DocRag.Bench.Load;

/// <summary>The endpoints a load client calls.</summary>
internal enum LoadRequestKind
{
    Search,
    Ask,
}
