using System.Globalization;
using System.Text.Json.Nodes;
using MiniQuantDesk.Adapters.Simulation.Faults;

namespace MiniQuantDesk.Functions.Chaos;

/// <summary>What a campaign injected and what it found. <see cref="Passed"/> only with no duplicate, no loss, no mismatch, no crash.</summary>
public sealed record ChaosReport
{
    public required ChaosOptions Options { get; init; }

    public TimeSpan Wall { get; init; }

    public DateTimeOffset MarketFrom { get; init; }

    public int HandlerKills { get; init; }

    public int AzuriteRestarts { get; init; }

    /// <summary>Cuts of the network to Azurite, the connections they reset in flight and the ones refused while cut.</summary>
    public int StorageCuts { get; init; }

    /// <summary>Poisoned messages whose work another copy had done, taken out by Reconcile (not a failure: nothing was lost).</summary>
    public int PoisonedDoneElsewhere { get; init; }

    public int StorageSevered { get; init; }

    public int StorageRefused { get; init; }

    public int SecondInstanceWindows { get; init; }

    public TimeSpan SecondInstanceTime { get; init; }

    public required IReadOnlyDictionary<SimulatedFaultKind, int> BrokerFaults { get; init; }

    public int DiscordRateLimited { get; init; }

    public int DiscordServerErrors { get; init; }

    public PhoneFigures Phone { get; init; } = PhoneFigures.None;

    public int DuplicatedOutputs { get; init; }

    public int Redeliveries { get; init; }

    /// <summary>Duplicate deliveries by queue.</summary>
    public IReadOnlyDictionary<string, int> DuplicatesByQueue { get; init; } = new Dictionary<string, int>();

    public int Intended { get; init; }

    public int IntendedWhileFaulting { get; init; }

    public int RefusedByRisk { get; init; }

    public IReadOnlyDictionary<string, int> RefusalCodes { get; init; } = new Dictionary<string, int>();

    public int Placed { get; init; }

    public int Filled { get; init; }

    public int GivenUp { get; init; }

    public int Duplicated { get; init; }

    public int Lost { get; init; }

    public int FillMismatches { get; init; }

    public int Symbols { get; init; }

    public int PositionMismatches { get; init; }

    public decimal PnlDifference { get; init; }

    public int Notifications { get; init; }

    public int NotificationsLost { get; init; }

    public int NotificationsPostedTwice { get; init; }

    public int HostCrashes { get; init; }

    public int HandlerStarts { get; init; }

    public bool Settled { get; init; }

    public required KillSwitchFigures Kill { get; init; }

    public Diagnostics.SecretScan.Result? SecretScan { get; init; }

    public required IReadOnlyList<string> Problems { get; init; }

    public int BrokerFaultTotal => BrokerFaults.Values.Sum();

    public bool Passed => Problems.Count == 0 && Duplicated == 0 && Lost == 0 && FillMismatches == 0 && PositionMismatches == 0
        && Math.Abs(PnlDifference) < 0.01m && NotificationsLost == 0 && HostCrashes == 0 && Settled;

    public void Render(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var c = CultureInfo.InvariantCulture;
        int Broker(SimulatedFaultKind k) => BrokerFaults.GetValueOrDefault(k);
        output.WriteLine(string.Create(c, $"chaos seed {Options.Seed}: {Options.Minutes} simulated minutes from {MarketFrom:yyyy-MM-dd HH:mm}Z at {Options.Speed}x, {Wall.TotalSeconds:0} s wall"));
        output.WriteLine("faults injected");
        output.WriteLine(string.Create(c, $"  handler SIGKILL (then restarted)    {HandlerKills,7}"));
        output.WriteLine(string.Create(c, $"  Azurite stopped and restarted       {AzuriteRestarts,7}"));
        output.WriteLine(string.Create(c, $"  storage network cut                 {StorageCuts,7}  ({StorageSevered} open connections reset, {StorageRefused} refused while cut)"));
        output.WriteLine(string.Create(c, $"  broker 429 / 500 / slow / dropped   {BrokerFaultTotal,7}  ({Broker(SimulatedFaultKind.RateLimit)} / {Broker(SimulatedFaultKind.ServerError)} / {Broker(SimulatedFaultKind.Slow)} / {Broker(SimulatedFaultKind.Drop)})"));
        output.WriteLine(string.Create(c, $"  Discord 429 / 5xx                   {DiscordRateLimited + DiscordServerErrors,7}  ({DiscordRateLimited} / {DiscordServerErrors}){(Options.DiscordDown ? ", down for the whole replay" : "")}"));
        output.WriteLine(string.Create(c, $"  queue message delivered twice       {DuplicatedOutputs + Redeliveries,7}  ({DuplicatedOutputs} written twice, {Redeliveries} redelivered after success)"));
        if (DuplicatesByQueue.Count > 0)
        {
            output.WriteLine(string.Create(c, $"    by queue: {string.Join(", ", DuplicatesByQueue.OrderByDescending(q => q.Value).Select(q => $"{q.Key} {q.Value}"))}"));
        }

        output.WriteLine(string.Create(c, $"  second handler instance             {SecondInstanceWindows,7}  windows, {SecondInstanceTime.TotalSeconds:0} s in all"));
        output.WriteLine("results");
        output.WriteLine(string.Create(c, $"  orders intended                     {Intended,7}  ({IntendedWhileFaulting} while the faults ran, the rest while settling with new entries halted)"));
        output.WriteLine(string.Create(c, $"    refused by risk                   {RefusedByRisk,7}  ({string.Join(", ", RefusalCodes.Take(5).Select(r => $"{r.Key} {r.Value}"))})"));
        output.WriteLine(string.Create(c, $"    placed at the broker              {Placed,7}  ({Filled} with fills)"));
        output.WriteLine(string.Create(c, $"    given up before the broker        {GivenUp,7}  (recorded as Abandoned)"));
        output.WriteLine(string.Create(c, $"  orders duplicated                   {Duplicated,7}"));
        output.WriteLine(string.Create(c, $"  orders lost                         {Lost,7}"));
        output.WriteLine(string.Create(c, $"  fills differing from the broker     {FillMismatches,7}"));
        output.WriteLine(string.Create(c, $"  positions matching                  {(PositionMismatches == 0 ? "yes" : "NO"),7}  ({Symbols} symbols held, {PositionMismatches} differ)"));
        output.WriteLine(string.Create(c, $"  P&L difference (USD)                {PnlDifference,7:F2}"));
        output.WriteLine(string.Create(c, $"  checks from the phone answered      {Phone.Checks - Phone.Unanswered,7}  of {Phone.Checks} ({Phone.AnsweredFirstAsk} first time, {Phone.AnsweredAfterReask} after asking again, {Phone.AnsweredByRescue} late by a rescue after a crash, {Phone.AnsweredWithFailure} saying the broker failed)"));
        output.WriteLine(string.Create(c, $"    answer time median / slowest      {Phone.MedianAnswer.TotalSeconds,7:0.0} / {Phone.SlowestAnswer.TotalSeconds:0.0} s  (asks not acknowledged in 3 s: {Phone.NotAcknowledged}, refused by the endpoint: {Phone.Refused})"));
        output.WriteLine(string.Create(c, $"  notifications lost                  {NotificationsLost,7}  of {Notifications} (posted twice: {NotificationsPostedTwice})"));
        output.WriteLine(string.Create(c, $"  poisoned copies, work done by twin  {PoisonedDoneElsewhere,7}  (taken out of the poison queues by Reconcile, logged)"));
        output.WriteLine(string.Create(c, $"  host crashes                        {HostCrashes,7}  ({HandlerStarts} handler restarts in all)"));
        output.WriteLine(string.Create(c, $"  settled after the faults            {(Settled ? "yes" : "NO"),7}"));
        output.WriteLine("kill switch (/kill from Discord with resting orders and queued intents)");
        output.WriteLine(string.Create(c, $"  resting orders open → cancelled      {Kill.RestingOpenAtSwitch} → {Kill.RestingCancelled} of {Kill.Resting}"));
        output.WriteLine(string.Create(c, $"  queued intents → sent after the flag {Kill.Queued} → {Kill.QueuedReachedBroker}"));
        output.WriteLine(string.Create(c, $"  orders landing after the flag        {Kill.ReachedAfterSwitch} (in flight at the switch; {Kill.LiveAfterSwitch} left live, {Kill.FilledAfterSwitch} filled)"));
        output.WriteLine(string.Create(c, $"  orders landing after /kill was done  {Kill.ReachedAfterDone}"));
        output.WriteLine(string.Create(c, $"  click → last open order cancelled    {Kill.LastCancel.TotalMilliseconds,7:0} ms (polled after the answer: an upper bound)"));
        output.WriteLine(string.Create(c, $"  click → \"Kill switch ON\" on Discord {Kill.Done.TotalMilliseconds,7:0} ms (click answered in {Kill.ConfirmAnswered.TotalMilliseconds:0} ms)"));
        if (SecretScan is { } scan)
        {
            output.WriteLine(string.Create(c, $"secrets scan: {scan.Files} files, {scan.Bytes / 1024} KiB of logs and stored records, {scan.Hits.Count} secret(s) found"));
        }

        foreach (var problem in Problems.Take(50))
        {
            output.WriteLine("  " + problem);
        }

        output.WriteLine(Passed ? "PASSED: no duplicate, no loss, no mismatch, no crash" : $"FAILED: {Problems.Count} problem(s)");
    }

    public JsonObject ToJson()
    {
        var faults = new JsonObject();
        foreach (var (kind, count) in BrokerFaults)
        {
            faults[kind.ToString()] = count;
        }

        return new JsonObject
        {
            ["seed"] = Options.Seed,
            ["minutes"] = Options.Minutes,
            ["speed"] = Options.Speed,
            ["wallSeconds"] = Math.Round(Wall.TotalSeconds, 1),
            ["faults"] = new JsonObject
            {
                ["handlerKills"] = HandlerKills,
                ["azuriteRestarts"] = AzuriteRestarts,
                ["storageCuts"] = StorageCuts,
                ["storageConnectionsSevered"] = StorageSevered,
                ["storageConnectionsRefused"] = StorageRefused,
                ["broker"] = faults,
                ["discordRateLimited"] = DiscordRateLimited,
                ["discordServerErrors"] = DiscordServerErrors,
                ["phoneChecks"] = Phone.Checks,
                ["duplicatedOutputs"] = DuplicatedOutputs,
                ["redeliveries"] = Redeliveries,
                ["duplicatesByQueue"] = new JsonObject(DuplicatesByQueue.Select(q => KeyValuePair.Create(q.Key, (JsonNode?)q.Value))),
                ["secondInstanceWindows"] = SecondInstanceWindows,
                ["secondInstanceSeconds"] = Math.Round(SecondInstanceTime.TotalSeconds, 1),
            },
            ["intended"] = Intended,
            ["intendedWhileFaulting"] = IntendedWhileFaulting,
            ["refusedByRisk"] = RefusedByRisk,
            ["placed"] = Placed,
            ["givenUp"] = GivenUp,
            ["duplicated"] = Duplicated,
            ["lost"] = Lost,
            ["fillMismatches"] = FillMismatches,
            ["positionMismatches"] = PositionMismatches,
            ["pnlDifference"] = PnlDifference,
            ["phone"] = new JsonObject
            {
                ["checks"] = Phone.Checks,
                ["answeredFirstAsk"] = Phone.AnsweredFirstAsk,
                ["answeredAfterReask"] = Phone.AnsweredAfterReask,
                ["answeredWithFailure"] = Phone.AnsweredWithFailure,
                ["answeredByRescue"] = Phone.AnsweredByRescue,
                ["unanswered"] = Phone.Unanswered,
                ["notAcknowledged"] = Phone.NotAcknowledged,
                ["refused"] = Phone.Refused,
                ["medianAnswerSeconds"] = Math.Round(Phone.MedianAnswer.TotalSeconds, 1),
                ["slowestAnswerSeconds"] = Math.Round(Phone.SlowestAnswer.TotalSeconds, 1),
            },
            ["notifications"] = Notifications,
            ["notificationsLost"] = NotificationsLost,
            ["notificationsPostedTwice"] = NotificationsPostedTwice,
            ["poisonedDoneElsewhere"] = PoisonedDoneElsewhere,
            ["hostCrashes"] = HostCrashes,
            ["settled"] = Settled,
            ["secretScan"] = SecretScan is { } s ? new JsonObject { ["files"] = s.Files, ["bytes"] = s.Bytes, ["hits"] = s.Hits.Count } : null,
            ["kill"] = new JsonObject
            {
                ["resting"] = Kill.Resting,
                ["restingOpenAtSwitch"] = Kill.RestingOpenAtSwitch,
                ["restingCancelled"] = Kill.RestingCancelled,
                ["queued"] = Kill.Queued,
                ["queuedReachedBroker"] = Kill.QueuedReachedBroker,
                ["reachedAfterSwitch"] = Kill.ReachedAfterSwitch,
                ["filledAfterSwitch"] = Kill.FilledAfterSwitch,
                ["liveAfterSwitch"] = Kill.LiveAfterSwitch,
                ["reachedAfterDone"] = Kill.ReachedAfterDone,
                ["flagSeenMs"] = Math.Round(Kill.FlagSeen.TotalMilliseconds, 1),
                ["doneMs"] = Math.Round(Kill.Done.TotalMilliseconds, 1),
                ["confirmAnsweredMs"] = Math.Round(Kill.ConfirmAnswered.TotalMilliseconds, 1),
                ["lastCancelMs"] = Math.Round(Kill.LastCancel.TotalMilliseconds, 1),
            },
            ["passed"] = Passed,
            ["problems"] = new JsonArray([.. Problems.Select(p => (JsonNode)p)]),
        };
    }
}
