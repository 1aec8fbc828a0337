namespace MiniQuantDesk.Domain.Research;

/// <summary>
/// Rolling walk-forward windows over the sessions that have bars: train on <c>train</c> sessions, test on the
/// next <c>test</c> sessions, then move on by <c>test</c> sessions, so the test windows tile the data after the
/// first training window without overlapping each other or their own training data. A last test window
/// shorter than <c>test</c> is dropped.
/// </summary>
public static class WalkForwardPlan
{
    public static IReadOnlyList<WalkForwardWindow> Create(IReadOnlyList<DateOnly> sessions, int train, int test)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentOutOfRangeException.ThrowIfLessThan(train, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(test, 1);
        var days = sessions.Distinct().Order().ToArray();
        var windows = new List<WalkForwardWindow>();
        for (var start = 0; start + train + test <= days.Length; start += test)
        {
            windows.Add(new WalkForwardWindow(windows.Count, days[start], days[start + train - 1], days[start + train], days[start + train + test - 1]));
        }

        return windows;
    }
}
