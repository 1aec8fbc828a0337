using System.Text.Json.Serialization;
using MiniQuantDesk.Adapters.Alpaca.Models;
using MiniQuantDesk.Adapters.Alpaca.Requests;

namespace MiniQuantDesk.Adapters.Alpaca.Json;

/// <summary>
/// Source-generated (no reflection, Native AOT safe) serialisation of every Alpaca shape the client reads or
/// writes. snake_case names; numbers read from strings (Alpaca's money) or numbers (bars) alike and written as
/// strings, as Alpaca asks; nulls are not sent; unknown members are ignored.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AlpacaAccount))]
[JsonSerializable(typeof(AlpacaClock))]
[JsonSerializable(typeof(List<AlpacaCalendarDay>))]
[JsonSerializable(typeof(AlpacaOrder))]
[JsonSerializable(typeof(List<AlpacaOrder>))]
[JsonSerializable(typeof(AlpacaPosition))]
[JsonSerializable(typeof(List<AlpacaPosition>))]
[JsonSerializable(typeof(List<AlpacaFillActivity>))]
[JsonSerializable(typeof(AlpacaOrderRequest))]
[JsonSerializable(typeof(AlpacaReplaceOrderRequest))]
[JsonSerializable(typeof(AlpacaErrorBody))]
[JsonSerializable(typeof(MultiBarsPage))]
[JsonSerializable(typeof(LatestQuotesPage))]
[JsonSerializable(typeof(List<CancellationWire>))]
[JsonSerializable(typeof(List<PositionClosingWire>))]
internal sealed partial class AlpacaJsonContext : JsonSerializerContext;
