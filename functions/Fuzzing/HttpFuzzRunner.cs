using System.Net;
using System.Text;

namespace MiniQuantDesk.Functions.Fuzzing;

/// <summary>One HTTP input, rebuilt on each send (a signed Discord body is signed again with a fresh timestamp).</summary>
public sealed record FuzzRequest(string Description, Func<HttpRequestMessage> Build);

/// <summary>
/// Sends inputs to the running desk and judges each answer: 2xx accepted, 4xx (and 501/503) refused with a body
/// that says why, anything else (a 500, a stack trace, a dropped or timed-out connection) a crash. State is
/// checked in batches: storage is snapshotted around each batch, and a batch where every input was refused must
/// leave it unchanged. Refused inputs from batches that also held accepted ones are replayed afterwards in
/// refused-only batches, so every refusal is checked. A changed batch is replayed one input at a time (twice)
/// to name the culprit and rule out the desk's own background work.
/// </summary>
public sealed class HttpFuzzRunner(FuzzDesk desk, HttpClient http, int batchSize)
{
    private static readonly TimeSpan SettleWithin = TimeSpan.FromSeconds(3);
    private Func<int, bool> _accepted = Is2xx;

    public async Task RunAsync(FuzzTally tally, IEnumerable<FuzzRequest> inputs, Func<int, bool> accepted, CancellationToken ct)
    {
        _accepted = accepted;
        tally.Start();
        var toReplay = new List<FuzzRequest>();
        var baseline = await SettledAsync(ct);
        var batch = new List<(FuzzRequest Input, bool Refused)>();
        foreach (var input in inputs)
        {
            batch.Add((input, await SendAndJudgeAsync(tally, input, accepted, count: true, ct) == Verdict.Refused));
            if (batch.Count < batchSize)
            {
                continue;
            }

            baseline = await CloseBatchAsync(tally, batch, baseline, toReplay, ct);
            batch.Clear();
        }

        if (batch.Count > 0)
        {
            baseline = await CloseBatchAsync(tally, batch, baseline, toReplay, ct);
        }

        // Refusals that shared a batch with accepted inputs: replay them alone, in refused-only batches.
        foreach (var chunk in toReplay.Chunk(batchSize))
        {
            var before = await SettledAsync(ct);
            var replayed = new List<(FuzzRequest Input, bool Refused)>();
            foreach (var input in chunk)
            {
                replayed.Add((input, await SendAndJudgeAsync(tally, input, accepted, count: false, ct) == Verdict.Refused));
            }

            if (replayed.All(r => r.Refused))
            {
                await CheckAsync(tally, replayed.Select(r => r.Input).ToList(), before, accepted, ct);
            }
        }

        tally.Stop();
    }

    private async Task<StorageSnapshot> CloseBatchAsync(FuzzTally tally, List<(FuzzRequest Input, bool Refused)> batch, StorageSnapshot before, List<FuzzRequest> toReplay, CancellationToken ct)
    {
        if (batch.All(b => b.Refused))
        {
            await CheckAsync(tally, batch.Select(b => b.Input).ToList(), before, _accepted, ct);
            return await StorageSnapshot.TakeAsync(desk.Storage, ct);
        }

        toReplay.AddRange(batch.Where(b => b.Refused).Select(b => b.Input));
        return await SettledAsync(ct);
    }

    private async Task CheckAsync(FuzzTally tally, IReadOnlyList<FuzzRequest> refused, StorageSnapshot before, Func<int, bool> accepted, CancellationToken ct)
    {
        var after = await StorageSnapshot.TakeAsync(desk.Storage, ct);
        tally.StateChecked += refused.Count;
        if (after.SameAs(before))
        {
            return;
        }

        foreach (var input in refused)
        {
            var changes = 0;
            var difference = "";
            for (var attempt = 0; attempt < 2; attempt++)
            {
                var one = await SettledAsync(ct);
                var verdict = await SendAndJudgeAsync(tally, input, accepted, count: false, ct);
                var two = await StorageSnapshot.TakeAsync(desk.Storage, ct);
                if (verdict == Verdict.Refused && !two.SameAs(one))
                {
                    changes++;
                    difference = one.Difference(two);
                }
            }

            if (changes == 2)
            {
                tally.StateChanged(input.Description, difference);
            }
        }
    }

    /// <summary>A snapshot once the desk's background work (follow-ups, notifications) has stopped changing storage.</summary>
    private async Task<StorageSnapshot> SettledAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + SettleWithin;
        var previous = await StorageSnapshot.TakeAsync(desk.Storage, ct);
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(150, ct);
            var next = await StorageSnapshot.TakeAsync(desk.Storage, ct);
            if (next.SameAs(previous))
            {
                return next;
            }

            previous = next;
        }

        return previous;
    }

    private enum Verdict
    {
        Accepted,
        Refused,
        Crash,
    }

    private async Task<Verdict> SendAndJudgeAsync(FuzzTally tally, FuzzRequest input, Func<int, bool> accepted, bool count, CancellationToken ct)
    {
        string body;
        int status;
        try
        {
            using var request = input.Build();
            using var response = await http.SendAsync(request, ct);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync(ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            if (count)
            {
                tally.Crash(input.Description, $"no answer: {ex.GetType().Name}: {ex.Message}");
            }

            return Verdict.Crash;
        }

        if (status >= 500 && status is not (501 or 503) || LooksLikeAStack(body))
        {
            if (count)
            {
                tally.Crash(input.Description, $"{status}: {FuzzTally.Shorten(body, 400)}");
            }

            return Verdict.Crash;
        }

        if (accepted(status))
        {
            if (count)
            {
                tally.Accept();
            }

            return Verdict.Accepted;
        }

        if (count)
        {
            // Kestrel's and routing's protocol answers (bad request line, URI too long, no route, wrong method) carry
            // no body, their status is the error; every refusal the desk itself writes says why in its body.
            if (body.Trim().Length == 0 && status is not (400 or 404 or 405 or 411 or 413 or 414 or 431))
            {
                tally.RefuseUnclearly(input.Description, $"{status} with an empty body");
            }
            else
            {
                tally.Refuse();
            }
        }

        return Verdict.Refused;
    }

    private static bool LooksLikeAStack(string body) =>
        body.Contains("   at ", StringComparison.Ordinal) && body.Contains("Exception", StringComparison.Ordinal);

    public static HttpRequestMessage Request(HttpMethod method, Uri uri, byte[]? body, IReadOnlyDictionary<string, string>? headers)
    {
        var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    public static string Text(byte[] body) => Encoding.UTF8.GetString(body);

    public static bool Is2xx(int status) => status is >= 200 and < 300;

    public static HttpStatusCode Ok => HttpStatusCode.OK;
}
