namespace DocRag.TestSupport;

/// <summary>A fact that needs <c>DOCRAG_TEST_DATA</c>: skipped with a reason when it is unset.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute() => Skip = TestEnvironment.SkipReason(TestEnvironment.DataVariable);
}
