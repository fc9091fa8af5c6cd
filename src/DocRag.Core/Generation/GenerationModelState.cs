namespace DocRag.Core.Generation;

/// <summary>Where the shared generator stands.</summary>
public enum GenerationModelState
{
    /// <summary>Nothing tried yet (the model loads on first use).</summary>
    NotLoaded = 0,
    Loading = 1,
    Ready = 2,

    /// <summary>Turned off by configuration (Model = "none"): answers are extractive.</summary>
    Disabled = 3,

    /// <summary>No model configured and none found in the models folder.</summary>
    NotFound = 4,

    /// <summary>The model file cannot be used; <see cref="GenerationModelStatus.Reason"/> says why.</summary>
    Failed = 5,
}
