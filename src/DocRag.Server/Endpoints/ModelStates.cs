using System.Text.Json;

namespace DocRag.Server.Endpoints;

/// <summary>Model states as the API writes them: the enum member's name in camelCase (<c>notLoaded</c>, <c>ready</c>...).</summary>
internal static class ModelStates
{
    public static string Code<T>(T state)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(state.ToString());
}
