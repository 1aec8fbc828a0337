using System.Globalization;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Domain.Risk;

/// <summary>The options and the intent, read the way <see cref="RiskInputs"/> reads the context: problems become reasons.</summary>
internal static class OrderIntentCheck
{
    internal static RiskOptions? ReadOptions(RiskOptions? options, List<RiskReason> reasons)
    {
        if (options is null)
        {
            reasons.Add(new(RiskReasonCode.InvalidOptions, "risk options are missing; every order is refused"));
            return null;
        }

        var errors = options.Validate();
        foreach (var error in errors)
        {
            reasons.Add(new(RiskReasonCode.InvalidOptions, error));
        }

        return errors.Count == 0 ? options : null;
    }

    internal static OrderIntent? ReadIntent(OrderIntent? intent, RiskOptions? options, List<RiskReason> reasons)
    {
        if (intent is null)
        {
            reasons.Add(new(RiskReasonCode.InvalidOrder, "the order intent is missing"));
            return null;
        }

        var before = reasons.Count;
        void Bad(string message) => reasons.Add(new(RiskReasonCode.InvalidOrder, message));

        if (string.IsNullOrWhiteSpace(intent.IntentId))
        {
            Bad("IntentId is empty");
        }

        if (string.IsNullOrWhiteSpace(intent.Symbol))
        {
            Bad("Symbol is empty");
        }

        if (!Enum.IsDefined(intent.Side))
        {
            Bad(string.Create(CultureInfo.InvariantCulture, $"Side {(int)intent.Side} is not Buy or Sell"));
        }

        if (!Enum.IsDefined(intent.Type))
        {
            Bad(string.Create(CultureInfo.InvariantCulture, $"Type {(int)intent.Type} is not Market or Limit"));
        }

        if (intent.Quantity <= 0 || intent.Quantity > RiskInputs.MaxQuantity)
        {
            Bad($"Quantity must be > 0 and <= {RiskText.Num(RiskInputs.MaxQuantity)}, was {RiskText.Num(intent.Quantity)}");
        }
        else if (options is { AllowFractionalShares: false } && decimal.Truncate(intent.Quantity) != intent.Quantity)
        {
            Bad($"Quantity must be whole shares (Risk:AllowFractionalShares is false), was {RiskText.Num(intent.Quantity)}");
        }

        if (!RiskInputs.SanePrice(intent.ReferencePrice))
        {
            Bad($"ReferencePrice must be between {RiskText.Num(RiskInputs.MinPrice)} and {RiskText.Num(RiskInputs.MaxPrice)}, was {RiskText.Num(intent.ReferencePrice)}");
        }

        if (intent.Type == OrderType.Limit && intent.LimitPrice is not { } limit)
        {
            Bad("a Limit order needs a LimitPrice");
        }
        else if (intent.Type == OrderType.Market && intent.LimitPrice is not null)
        {
            Bad($"a Market order carries no LimitPrice, was {RiskText.Num(intent.LimitPrice.Value)}");
        }
        else if (intent.LimitPrice is { } price && !RiskInputs.SanePrice(price))
        {
            Bad($"LimitPrice must be between {RiskText.Num(RiskInputs.MinPrice)} and {RiskText.Num(RiskInputs.MaxPrice)}, was {RiskText.Num(price)}");
        }

        return reasons.Count == before ? intent : null;
    }
}
