using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Discord;
using MiniQuantDesk.Adapters.Discord.Interactions;
using MiniQuantDesk.Adapters.Discord.Signatures;
using MiniQuantDesk.Functions.Discord;
using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;

namespace MiniQuantDesk.Functions.DiscordInteractions;

/// <summary>
/// <c>POST /api/discord/interactions</c>, forwarded with its exact bytes: the Ed25519 signature over
/// timestamp + raw body and the timestamp's age are checked before anything is parsed (401 otherwise), a
/// body that is not an interaction is 400, PING is PONG, everything else goes to the router. A desk without
/// <c>Discord:PublicKey</c> answers 503 and does nothing.
/// </summary>
public sealed class DiscordInteractionsFunction(DiscordOptions options, DeskCommandRouter router, Configuration.DeskSettings settings, SignatureClock? clock = null) : IHttpFunction
{
    private readonly DiscordSignatureVerifier verifier = new(options.PublicKey, (clock ?? SignatureClock.Real).Time, options.SignatureTolerance);

    public string Name => "DiscordInteractions";

    public async Task<HttpResponseData> HandleAsync(HttpRequestData request, FunctionContext context, CancellationToken cancellationToken)
    {
        if (options.PublicKey.Length == 0)
        {
            return Error(503, settings.DiscordProblems.Count == 0
                ? "Discord not configured: set Discord__PublicKey and Discord__AllowedUserIds"
                : "Discord not configured: settings refused: " + string.Join("; ", settings.DiscordProblems));
        }

        var verdict = verifier.Verify(request.Header(DiscordSignatureVerifier.SignatureHeader), request.Header(DiscordSignatureVerifier.TimestampHeader), request.Body);
        if (!verdict.IsValid)
        {
            context.Logger.LogWarning("Refused an interaction request: {Verdict}", verdict);
            return Error(401, "invalid request signature");
        }

        var parsed = InteractionParser.Parse(request.Body);
        if (parsed.Interaction is not { } interaction)
        {
            context.Logger.LogWarning("Refused a signed request that is not an interaction: {Error}", parsed.Error);
            return Error(400, parsed.Error ?? "not an interaction");
        }

        var response = await router.AnswerAsync(interaction, cancellationToken);
        return new HttpResponseData(200, "application/json", response.ToUtf8Json());
    }

    private static HttpResponseData Error(int status, string message) =>
        HttpResponseData.Json(status, new JsonObject { ["error"] = message }.ToJsonString());
}
