using System.Globalization;
using System.Text;
using System.Text.Json;
using MiniQuantDesk.Domain.Backtest;

namespace MiniQuantDesk.Adapters.Backtest;

/// <summary>
/// The text of a run's output files, in the reference backtest's formats (SPEC §5): trades.csv
/// (<c>entry_time,entry_price,exit_time,exit_price,qty,pnl,exit_reason</c>, prices as the bars gave them, pnl
/// with 6 decimals), equity.csv (<c>timestamp_utc,cash,position_qty,equity</c>, 6 decimals) and summary.json.
/// </summary>
public static class BacktestReport
{
    public const string TradesHeader = "entry_time,entry_price,exit_time,exit_price,qty,pnl,exit_reason";
    public const string EquityHeader = "timestamp_utc,cash,position_qty,equity";

    public static string TradesCsv(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var multi = result.Symbols.Count > 1;
        var text = new StringBuilder(multi ? "symbol," + TradesHeader : TradesHeader).Append('\n');
        foreach (var t in result.Trades)
        {
            if (multi)
            {
                text.Append(t.Symbol).Append(',');
            }

            text.Append(Time(t.EntryTime)).Append(',').Append(Num(t.EntryPrice)).Append(',')
                .Append(Time(t.ExitTime)).Append(',').Append(Num(t.ExitPrice)).Append(',')
                .Append(Num(t.Quantity)).Append(',').Append(Six(t.Pnl)).Append(',').Append(Reason(t.ExitReason)).Append('\n');
        }

        return text.ToString();
    }

    public static string EquityCsv(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder(EquityHeader.Length + (result.Equity.Count * 64)).Append(EquityHeader).Append('\n');
        foreach (var p in result.Equity)
        {
            text.Append(Time(p.Time)).Append(',').Append(Six(p.Cash)).Append(',').Append(Num(p.PositionQuantity)).Append(',').Append(Six(p.Equity)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>summary.json: the reference's keys, the parameters and the formulas as text.</summary>
    public static string SummaryJson(BacktestResult result, BacktestOptions options, string input)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var s = result.Summary;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("symbol", string.Join(",", result.Symbols));
            json.WriteString("input", input);
            json.WriteNumber("bars_used", s.BarsUsed);
            json.WriteNumber("sessions", s.Sessions);
            WriteTime(json, "first_bar", s.FirstBar);
            WriteTime(json, "last_bar", s.LastBar);
            json.WriteNumber("initial_cash", s.InitialCash);
            json.WriteNumber("final_equity", s.FinalEquity);
            json.WriteNumber("total_return", s.TotalReturn);
            json.WriteNumber("n_trades", s.Trades);
            WriteNullable(json, "win_rate", s.WinRate);
            json.WriteNumber("max_drawdown", s.MaxDrawdown);
            if (s.Sharpe is { } sharpe)
            {
                json.WriteNumber("sharpe", sharpe);
            }
            else
            {
                json.WriteNull("sharpe");
            }

            json.WriteNumber("risk_refusals", result.Refusals.Count);
            json.WriteString("sharpe_formula", "r_i = equity_i/equity_{i-1} - 1 over consecutive rows of equity.csv (N-1 returns, overnight steps included); sharpe = mean(r)/sd(r)*sqrt(252*390), sd with n-1 denominator, risk-free rate 0");
            json.WriteString("max_drawdown_formula", "max_i (peak_i - equity_i)/peak_i, peak_i = max(initial_cash, equity_1..equity_i)");
            json.WriteString("total_return_formula", "final_equity/initial_cash - 1");
            json.WriteString("win_rate_formula", "count(pnl > 0)/n_trades (pnl == 0 is not a win)");
            json.WritePropertyName("params");
            json.WriteStartObject();
            json.WriteString("strategies", string.Join("+", options.Strategies));
            json.WriteNumber("fast", options.StrategySettings.SmaCrossover.Fast);
            json.WriteNumber("slow", options.StrategySettings.SmaCrossover.Slow);
            json.WriteNumber("allocation", options.Portfolio.Allocation);
            json.WriteNumber("commission_per_share", options.Commission.PerShare);
            json.WriteNumber("commission_fixed", options.Commission.Fixed);
            json.WriteBoolean("flatten_at_session_close", options.Portfolio.FlattenAtSessionClose);
            WriteNullable(json, "stop_loss_pct", options.Portfolio.StopLossPct);
            WriteNullable(json, "take_profit_pct", options.Portfolio.TakeProfitPct);
            json.WriteString("session_filter", "09:30 <= bar start (America/New_York) < 16:00");
            json.WriteEndObject();
            json.WriteString("generated_by", "desk backtest (MiniQuantDesk)");
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static string Reason(ExitReason reason) => reason switch
    {
        ExitReason.Signal => "signal",
        ExitReason.SessionClose => "session_close",
        ExitReason.StopLoss => "stop_loss",
        _ => "take_profit",
    };

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Num(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private static string Six(decimal d) => Math.Round(d, 6, MidpointRounding.AwayFromZero).ToString("F6", CultureInfo.InvariantCulture);

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? t)
    {
        if (t is { } v)
        {
            json.WriteString(name, Time(v));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
