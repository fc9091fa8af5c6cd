namespace DocRag.Core.Remote;

/// <summary>
/// A remote OpenAI-compatible server (vLLM, llama-server, text-embeddings-inference, ...) to use instead of the local
/// model: <c>DocRag:Generation:Endpoint</c> for the generator, <c>DocRag:Embedding:Endpoint</c> for the embedder.
/// Empty <see cref="Url"/> (the default) keeps the local model; nothing is sent anywhere unless it is set.
/// </summary>
public sealed class RemoteEndpointOptions
{
    /// <summary>Base URL of the OpenAI-compatible API, with its version path: <c>http://gpu-box:8000/v1</c>.</summary>
    public string? Url { get; set; }

    /// <summary>The model name the server knows (sent as <c>model</c>); required with <see cref="Url"/>.</summary>
    public string? Model { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer</c>; empty sends no key. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Longest wait for one response (a whole non-streamed answer, or between streamed pieces).</summary>
    public int TimeoutSeconds { get; set; } = 300;

    /// <summary>Retries of a failed request (connection errors, 429, 5xx), with the client's backoff.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Generator only: the server's context length in tokens; prompts are built to fit it.</summary>
    public int ContextSize { get; set; } = 8192;

    /// <summary>Embedder only: vector length to ask for (models that can shorten theirs); empty = the model's own.</summary>
    public int? Dimensions { get; set; }

    /// <summary>True when a URL is set: the remote server replaces the local model.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);

    /// <summary>What is wrong with these settings under <paramref name="section"/> (empty when nothing, or when unused).</summary>
    public IEnumerable<string> Validate(string section)
    {
        if (!IsConfigured)
        {
            yield break;
        }

        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            yield return $"{section}:Url must be an absolute http or https URL such as http://host:8000/v1 (it is '{Url}').";
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return $"{section}:Model must name the model the server at {section}:Url serves.";
        }

        if (TimeoutSeconds is < 1 or > 3600)
        {
            yield return $"{section}:TimeoutSeconds must be between 1 and 3600 (it is {TimeoutSeconds}).";
        }

        if (MaxRetries is < 0 or > 10)
        {
            yield return $"{section}:MaxRetries must be between 0 and 10 (it is {MaxRetries}).";
        }

        if (ContextSize is < 256 or > (1 << 22))
        {
            yield return $"{section}:ContextSize must be between 256 and {1 << 22} tokens (it is {ContextSize}).";
        }

        if (Dimensions is < 1 or > 65_536)
        {
            yield return $"{section}:Dimensions must be between 1 and 65536, or empty for the model's own (it is {Dimensions}).";
        }
    }
}
