using MiniQuantDesk.Functions.Chaos;

namespace MiniQuantDesk.Tests.Functions.Chaos;

/// <summary>The phone's checks counted: first-time answers, re-asks, failures shown, silence, and answer times.</summary>
public sealed class PhoneFiguresTests
{
    [Fact]
    public void Checks_are_counted_by_how_they_ended()
    {
        var figures = PhoneFigures.Of(
        [
            new PhoneCheck("positions", 1, TimeSpan.FromSeconds(1), false, 0, 0),
            new PhoneCheck("orders", 3, TimeSpan.FromSeconds(40), true, 1, 1),
            new PhoneCheck("pnl", 1, TimeSpan.FromSeconds(2), false, 0, 0),
            new PhoneCheck("pnl", null, TimeSpan.FromMinutes(3), false, 2, 5),
        ]);

        Assert.Equal(new PhoneFigures(4, 2, 1, 1, 1, 3, 6, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(40)), figures);
    }

    [Fact]
    public void No_checks_is_all_zero()
    {
        Assert.Equal(new PhoneFigures(0, 0, 0, 0, 0, 0, 0, TimeSpan.Zero, TimeSpan.Zero), PhoneFigures.None);
    }
}
