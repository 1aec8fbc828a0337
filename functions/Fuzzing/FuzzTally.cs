using System.Diagnostics;

namespace MiniQuantDesk.Functions.Fuzzing;

/// <summary>
/// The figures of one entry point: every input is either accepted or refused with a clear error; a crash (an
/// unhandled exception, a 500, a dropped connection, a restarted handler), an unclear refusal (an error that
/// does not say what is wrong) or a refused input that changed state is a finding, kept with its input.
/// </summary>
public sealed class FuzzTally(string entryPoint)
{
    private const int KeptFindings = 12;
    private readonly List<FuzzFinding> _findings = [];
    private readonly Stopwatch _clock = new();

    public string EntryPoint { get; } = entryPoint;

    public long Inputs { get; private set; }

    public long Accepted { get; private set; }

    public long Refused { get; private set; }

    public long Crashes { get; private set; }

    public long Unclear { get; private set; }

    public long StateChanges { get; private set; }

    /// <summary>Refused inputs whose "no state change" was checked against storage snapshots (HTTP entry points).</summary>
    public long StateChecked { get; set; }

    public TimeSpan Elapsed => _clock.Elapsed;

    public IReadOnlyList<FuzzFinding> Findings => _findings;

    public bool Failed => Crashes > 0 || Unclear > 0 || StateChanges > 0;

    public void Start() => _clock.Start();

    public void Stop() => _clock.Stop();

    public void Accept() => (Inputs, Accepted) = (Inputs + 1, Accepted + 1);

    public void Refuse() => (Inputs, Refused) = (Inputs + 1, Refused + 1);

    public void Crash(string input, string detail)
    {
        Inputs++;
        Crashes++;
        Keep("crash", input, detail);
    }

    public void RefuseUnclearly(string input, string detail)
    {
        Inputs++;
        Refused++;
        Unclear++;
        Keep("unclear error", input, detail);
    }

    public void StateChanged(string input, string detail)
    {
        StateChanges++;
        Keep("state changed by a refused input", input, detail);
    }

    private void Keep(string kind, string input, string detail)
    {
        if (_findings.Count < KeptFindings)
        {
            _findings.Add(new FuzzFinding(kind, Shorten(input, 400), Shorten(detail, 600)));
        }
    }

    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + $"...({text.Length} chars)";
}

/// <summary>One failing input and what went wrong, for the report.</summary>
public sealed record FuzzFinding(string Kind, string Input, string Detail);
