namespace DocRag.TestSupport;

/// <summary>A theory that needs <c>DOCRAG_TEST_MODELS</c>: skipped with a reason when it is unset.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedModelsTheoryAttribute : TheoryAttribute
{
    public SharedModelsTheoryAttribute() => Skip = TestEnvironment.SkipReason(TestEnvironment.ModelsVariable);
}
