namespace DocRag.TestSupport;

/// <summary>Waits for background work (indexing, model loading) by polling a condition, with a generous bound.</summary>
public static class Polling
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not happen within {Limit.TotalSeconds} s; last value: {value}");
            }

            await Task.Delay(100);
        }
    }
}
