namespace DocRag.TestSupport;

/// <summary>A theory that needs <c>DOCRAG_TEST_DATA</c>: skipped with a reason when it is unset.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute() => Skip = TestEnvironment.SkipReason(TestEnvironment.DataVariable);
}
