using System.Text.RegularExpressions;

namespace MiniQuantDesk.Functions.Configuration;

/// <summary>The desk's own settings (section <c>Desk</c>; environment <c>Desk__Symbols</c>, ...).</summary>
public sealed partial record DeskOptions(IReadOnlyList<string> Symbols, TimeSpan TickStaleAfter, TimeSpan OrderTimeout, IReadOnlyList<string> Strategies, TimeSpan SubmitGrace, bool StreamTradeUpdates = false)
{
    public static DeskOptions Bind(Microsoft.Extensions.Configuration.IConfiguration configuration, List<string> problems)
    {
        var section = configuration.GetSection("Desk");
        var symbolsText = section["Symbols"] ?? "SPY";
        var symbols = symbolsText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToUpperInvariant()).ToList();
        if (symbols.Count == 0)
        {
            problems.Add("Desk:Symbols must list at least one symbol (e.g. SPY,QQQ)");
        }

        foreach (var symbol in symbols.Where(s => !Ticker().IsMatch(s)))
        {
            problems.Add($"Desk:Symbols has '{symbol}', which is not a US stock ticker");
        }

        var stale = SettingReader.Seconds(section, "Desk:TickStaleAfterSeconds", "TickStaleAfterSeconds", 180, 30, 3600, problems);
        var orderTimeout = SettingReader.Seconds(section, "Desk:OrderTimeoutSeconds", "OrderTimeoutSeconds", 300, 5, 86400, problems);
        var strategies = (section["Strategies"] is { Length: > 0 } list ? list : string.Join(",", Domain.Strategies.StrategyCatalog.Names))
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        foreach (var unknown in strategies.Select(Domain.Strategies.StrategyCatalog.Check).OfType<string>())
        {
            problems.Add($"Desk:Strategies has an {unknown}");
        }

        if (strategies.Count == 0)
        {
            problems.Add("Desk:Strategies must name at least one strategy");
        }

        var grace = SettingReader.Seconds(section, "Desk:SubmitGraceSeconds", "SubmitGraceSeconds", 45, 1, 3600, problems);
        var stream = section["StreamTradeUpdates"] is { Length: > 0 } flag
            ? bool.TryParse(flag, out var on) ? on : Fail(problems, $"Desk:StreamTradeUpdates must be true or false, was '{flag}'")
            : false;
        var hold = SettingReader.Seconds(section, "Desk:StorageOutageHoldSeconds", "StorageOutageHoldSeconds", 60, 0, 240, problems);
        return new DeskOptions(symbols.Distinct().ToList(), stale, orderTimeout, strategies, grace, stream) { StorageOutageHold = hold };
    }

    /// <summary>
    /// How long a queue or timer invocation waits for unreachable storage before failing (which spends one of the
    /// message's five deliveries). Under the host's five-minute function timeout; 0 turns the hold off.
    /// </summary>
    public TimeSpan StorageOutageHold { get; init; } = TimeSpan.FromSeconds(60);

    private static bool Fail(List<string> problems, string problem)
    {
        problems.Add(problem);
        return false;
    }

    /// <summary>A US stock ticker as the desk accepts one (upper case): the settings and the order-intent reader share it.</summary>
    public static bool IsTicker(string symbol) => Ticker().IsMatch(symbol);

    [GeneratedRegex("^[A-Z][A-Z0-9.]{0,9}$")]
    private static partial Regex Ticker();
}
