using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MiniQuantDesk.Adapters.Alpaca.Errors;
using MiniQuantDesk.Adapters.Discord.Messages;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.Broker;
using MiniQuantDesk.Functions.Orders;

namespace MiniQuantDesk.Functions.Discord.Commands;

/// <summary>/exit &lt;symbol|all&gt;, after Confirm: close one position at market (DELETE /v2/positions/{symbol}), or flatten.</summary>
public sealed partial class ExitCommand(BrokerClients broker, KillSwitch kill, TransactionLog log) : IConfirmedCommand
{
    public const string All = "all";

    public string Name => "exit";

    public ConfirmationQuestion Prepare(CommandRequest request)
    {
        var symbol = request.Command.GetString("symbol")?.Trim().ToUpperInvariant() ?? "";
        if (symbol == "ALL")
        {
            return ConfirmationQuestion.Ask("**Exit all**: cancel open orders and close **every** position at market?", All);
        }

        return Ticker().IsMatch(symbol)
            ? ConfirmationQuestion.Ask($"**Exit {symbol}**: close the whole {symbol} position at market?", symbol)
            : ConfirmationQuestion.Refuse($"'{request.Command.GetString("symbol")}' is not a ticker (e.g. AAPL) or 'all'. Nothing was changed.");
    }

    public Task<DiscordMessage> RunAsync(CommandRequest request, CancellationToken ct) =>
        throw new InvalidOperationException("/exit acts only after its confirmation");

    public async Task<DiscordMessage> ExecuteAsync(ConfirmedRequest request, CancellationToken ct)
    {
        var symbol = request.Argument ?? "";
        if (symbol == All)
        {
            return await FlattenCommand.FlattenAllAsync(kill, request.UserId, ct);
        }

        if (!Ticker().IsMatch(symbol))
        {
            return EmbedStyle.Failure("/exit refused", "The button carried no valid symbol. Nothing was changed.");
        }

        try
        {
            var order = await broker.Trading.ClosePositionAsync(symbol, cancellationToken: ct);
            await log.AppendAsync(new JsonObject
            {
                ["id"] = $"command:exit:{symbol}:{order.Id}",
                ["kind"] = "command",
                ["command"] = "exit",
                ["user"] = request.UserId,
                ["symbol"] = symbol,
                ["brokerOrderId"] = order.Id,
            }, request.Now, ct);
            return EmbedStyle.Embed($"Exiting {symbol}", EmbedStyle.Amber,
                $"{order.Side.ToUpperInvariant()} {EmbedStyle.Quantity(order.Qty ?? 0m)} {symbol} at market sent (broker order {order.Id}).");
        }
        catch (AlpacaException ex) when (ex.Error.HttpStatus == System.Net.HttpStatusCode.NotFound)
        {
            return EmbedStyle.Embed($"No {symbol} position", EmbedStyle.Grey, "There is nothing to close. Nothing was changed.");
        }
    }

    [GeneratedRegex("^[A-Z][A-Z0-9.]{0,9}$")]
    private static partial Regex Ticker();
}
