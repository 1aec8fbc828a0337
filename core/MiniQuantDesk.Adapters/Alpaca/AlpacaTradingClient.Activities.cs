using MiniQuantDesk.Adapters.Alpaca.Errors;
using MiniQuantDesk.Adapters.Alpaca.Json;
using MiniQuantDesk.Adapters.Alpaca.Models;
using MiniQuantDesk.Adapters.Alpaca.Transport;

namespace MiniQuantDesk.Adapters.Alpaca;

public sealed partial class AlpacaTradingClient
{
    /// <summary>Alpaca's largest (and default) page of account activities.</summary>
    public const int MaxActivityPageSize = 100;

    /// <summary>
    /// Every FILL activity in (<paramref name="after"/>, <paramref name="until"/>), oldest first, following
    /// <c>page_token</c> (= the last id of the previous page) until a page comes back shorter than the page size.
    /// </summary>
    public async Task<IReadOnlyList<AlpacaFillActivity>> GetFillActivitiesAsync(
        DateTimeOffset? after = null,
        DateTimeOffset? until = null,
        int pageSize = MaxActivityPageSize,
        int maxPages = 1000,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxActivityPageSize);
        var fills = new List<AlpacaFillActivity>();
        string? pageToken = null;
        for (var page = 0; page < maxPages; page++)
        {
            var url = Url("/v2/account/activities/FILL")
                .Add("after", after)
                .Add("until", until)
                .Add("direction", "asc")
                .Add("page_size", pageSize)
                .Add("page_token", pageToken);
            var items = await transport.SendForJsonAsync(Get(url), AlpacaJsonContext.Default.ListAlpacaFillActivity, cancellationToken).ConfigureAwait(false);
            fills.AddRange(items);
            if (items.Count < pageSize)
            {
                return fills;
            }

            var next = items[^1].Id;
            if (string.IsNullOrEmpty(next) || next == pageToken)
            {
                throw new AlpacaException(new AlpacaError(AlpacaErrorKind.InvalidResponse, null, null, $"activities page ended with id '{next}', which cannot advance the paging"));
            }

            pageToken = next;
        }

        throw new AlpacaException(new AlpacaError(AlpacaErrorKind.InvalidResponse, null, null, $"fill activities still had more pages after {maxPages}"));
    }
}
