using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;

namespace MiniQuantDesk.Functions.DiscordInteractions;

public sealed class DiscordInteractionsFunction : IHttpFunction
{
    public string Name => "DiscordInteractions";

    public Task<HttpResponseData> HandleAsync(HttpRequestData request, FunctionContext context, CancellationToken cancellationToken) =>
        throw new NotBuiltYetException(Name, "Discord slash commands (issue 6)");
}
