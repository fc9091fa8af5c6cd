using System.Text.Json;

namespace DocRag.Server.Endpoints;

/// <summary>Strings of request bodies taken as raw JSON (<see cref="JsonElement"/>), read without throwing.</summary>
internal static class JsonStrings
{
    /// <summary>
    /// The string, or null when it is not valid Unicode: an escaped lone surrogate (<c>"\ud800"</c>) makes
    /// <see cref="JsonElement.GetString"/> throw, which would surface as a 500 instead of the 400 it is.
    /// </summary>
    public static string? TryGet(JsonElement text)
    {
        try
        {
            return text.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
