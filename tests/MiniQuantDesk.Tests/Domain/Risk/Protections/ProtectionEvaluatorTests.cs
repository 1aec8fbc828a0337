using MiniQuantDesk.Domain.Risk.Protections;

namespace MiniQuantDesk.Tests.Domain.Risk.Protections;

public sealed class ProtectionEvaluatorTests
{
    private static DateTimeOffset At(int hour, int minute, int second = 0) => new(2024, 3, 4, hour, minute, second, TimeSpan.Zero);

    private static ProtectionOptions Only(ProtectionKind kind, Action<ProtectionOptions>? tweak = null)
    {
        var options = new ProtectionOptions
        {
            LossStreakEnabled = kind == ProtectionKind.LossStreak,
            ExitCooldownEnabled = kind == ProtectionKind.ExitCooldown,
            DrawdownLockEnabled = kind == ProtectionKind.Drawdown,
            LossStreakTrades = 3,
            LossStreakLookbackMinutes = 60,
            LossStreakCooldownMinutes = 60,
            ExitCooldownMinutes = 5,
            DrawdownLimitUsd = 500m,
            DrawdownLookbackMinutes = 240,
            DrawdownCooldownMinutes = 120,
        };
        tweak?.Invoke(options);
        return options;
    }

    private static readonly ClosedTrade[] ThreeLossesInAnHour =
    [
        new("AAPL", At(10, 0), -50m),
        new("MSFT", At(10, 20), -10m),
        new("AAPL", At(10, 30), 80m),
        new("TSLA", At(10, 50), -5m),
    ];

    [Fact]
    public void Loss_streak_locks_all_entries_from_the_third_loss_for_the_cooldown()
    {
        var locks = ProtectionEvaluator.Evaluate(ThreeLossesInAnHour, At(10, 50), Only(ProtectionKind.LossStreak));

        var l = Assert.Single(locks);
        Assert.Equal(ProtectionKind.LossStreak, l.Kind);
        Assert.True(l.IsGlobal);
        Assert.Equal(At(10, 50), l.Start);
        Assert.Equal(At(11, 50), l.Expiry);
        Assert.StartsWith("3 losing trades within 60 min", l.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lock_is_the_same_whenever_it_is_evaluated_and_gone_at_expiry()
    {
        var options = Only(ProtectionKind.LossStreak);
        var atTrigger = Assert.Single(ProtectionEvaluator.Evaluate(ThreeLossesInAnHour, At(10, 50), options));
        var later = Assert.Single(ProtectionEvaluator.Evaluate(ThreeLossesInAnHour, At(11, 49, 59), options));

        Assert.Equal(atTrigger, later);
        Assert.Empty(ProtectionEvaluator.Evaluate(ThreeLossesInAnHour, At(11, 50), options));
    }

    [Theory]
    [InlineData(10, 59, 59, true)] // (9:59:59, 10:59:59] holds the 10:00 loss
    [InlineData(11, 0, 0, false)]  // (10:00, 11:00] does not: the lookback excludes its start
    public void Losses_count_only_inside_the_lookback(int hour, int minute, int second, bool locked)
    {
        ClosedTrade[] trades = [new("AAPL", At(10, 0), -1m), new("AAPL", At(10, 30), -1m), new("AAPL", At(hour, minute, second), -1m)];
        var locks = ProtectionEvaluator.Evaluate(trades, At(hour, minute, second), Only(ProtectionKind.LossStreak));
        Assert.Equal(locked ? 1 : 0, locks.Count);
    }

    [Fact]
    public void Per_symbol_loss_streaks_lock_only_that_symbol()
    {
        ClosedTrade[] trades =
        [
            new("AAPL", At(10, 0), -1m), new("MSFT", At(10, 5), -1m), new("AAPL", At(10, 10), -1m),
            new("MSFT", At(10, 15), -1m), new("AAPL", At(10, 20), -1m),
        ];
        var locks = ProtectionEvaluator.Evaluate(trades, At(10, 30), Only(ProtectionKind.LossStreak, o => o.LossStreakPerSymbol = true));

        var l = Assert.Single(locks);
        Assert.Equal("AAPL", l.Symbol);
        Assert.Equal(At(10, 20), l.Start);
    }

    [Fact]
    public void Trades_after_now_are_not_known_yet()
    {
        Assert.Empty(ProtectionEvaluator.Evaluate(ThreeLossesInAnHour, At(10, 49), Only(ProtectionKind.LossStreak)));
    }

    [Fact]
    public void An_exit_locks_its_symbol_for_the_cooldown()
    {
        ClosedTrade[] trades = [new("AAPL", At(10, 0), 12m), new("MSFT", At(9, 0), -3m)];
        var options = Only(ProtectionKind.ExitCooldown);

        var l = Assert.Single(ProtectionEvaluator.Evaluate(trades, At(10, 4, 59), options));
        Assert.Equal("AAPL", l.Symbol);
        Assert.Equal(At(10, 5), l.Expiry);
        Assert.Empty(ProtectionEvaluator.Evaluate(trades, At(10, 5), options));
    }

    [Theory]
    [InlineData(-100, true)]     // cumulative 300, −100, −200: 500 below the 300 peak
    [InlineData(-99.99, false)]  // 499.99 below
    public void Drawdown_of_closed_trade_pnl_within_the_window_locks_everything(decimal third, bool locked)
    {
        ClosedTrade[] trades = [new("AAPL", At(10, 0), 300m), new("MSFT", At(11, 0), -400m), new("TSLA", At(12, 0), third)];
        var locks = ProtectionEvaluator.Evaluate(trades, At(12, 30), Only(ProtectionKind.Drawdown));

        if (locked)
        {
            var l = Assert.Single(locks);
            Assert.True(l.IsGlobal);
            Assert.Equal(ProtectionKind.Drawdown, l.Kind);
            Assert.Equal(At(12, 0), l.Start);
            Assert.Equal(At(14, 0), l.Expiry);
        }
        else
        {
            Assert.Empty(locks);
        }
    }

    [Fact]
    public void The_drawdown_window_starts_from_zero()
    {
        // Two losses of 250 with no gain before: 500 below the starting point.
        ClosedTrade[] trades = [new("AAPL", At(10, 0), -250m), new("MSFT", At(11, 0), -250m)];
        Assert.Single(ProtectionEvaluator.Evaluate(trades, At(11, 0), Only(ProtectionKind.Drawdown)));

        // The first loss left the 240-minute window before the second: no lock.
        ClosedTrade[] apart = [new("AAPL", At(10, 0), -250m), new("MSFT", At(14, 0), -250m)];
        Assert.Empty(ProtectionEvaluator.Evaluate(apart, At(14, 0), Only(ProtectionKind.Drawdown)));
    }

    [Fact]
    public void Disabled_protections_create_nothing_and_bad_rows_are_skipped()
    {
        var options = Only(ProtectionKind.LossStreak, o => o.LossStreakEnabled = false);
        Assert.Empty(ProtectionEvaluator.Evaluate(ThreeLossesInAnHour, At(10, 50), options));
        Assert.Empty(ProtectionEvaluator.Evaluate([null, new ClosedTrade("", At(10, 0), -1m)], At(10, 1), new ProtectionOptions()));
        Assert.Empty(ProtectionEvaluator.Evaluate(null, At(10, 1), new ProtectionOptions()));
    }

    [Fact]
    public void Invalid_options_are_refused_with_the_setting_named()
    {
        var options = new ProtectionOptions { ExitCooldownMinutes = 0 };
        var ex = Assert.Throws<ArgumentException>(() => ProtectionEvaluator.Evaluate([], At(10, 0), options));
        Assert.Contains("Risk:Protections:ExitCooldownMinutes must be between 1 and 525600, was 0", ex.Message, StringComparison.Ordinal);
    }
}
