namespace DocRag.TestSupport;

/// <summary>A fact that needs <c>DOCRAG_TEST_MODELS</c>: skipped with a reason when it is unset.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedModelsFactAttribute : FactAttribute
{
    public SharedModelsFactAttribute() => Skip = TestEnvironment.SkipReason(TestEnvironment.ModelsVariable);
}
