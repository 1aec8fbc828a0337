using CsCheck;
using Microsoft.Extensions.Configuration;
using MiniQuantDesk.Functions.Configuration;

namespace MiniQuantDesk.Functions.Fuzzing;

/// <summary>
/// Configuration values, in process: the example settings with one to three of them replaced by hostile values,
/// bound and validated as the handler does at start (<see cref="DeskSettings.Load"/>). Each input is either
/// accepted or refused with a <see cref="SettingsException"/> whose every problem names a setting (so do the
/// Discord problems, which switch Discord off instead of stopping the desk); anything else is a crash.
/// </summary>
public static class SettingsTarget
{
    public const string Name = "configuration values";

    private static readonly Gen<string> Value = Gen.Frequency(
        (4, FuzzValues.NastyString),
        (3, Gen.OneOf(Gen.Const("0"), Gen.Const("-5"), Gen.Const("1e9"), Gen.Const(" 180 "), Gen.Const("180.5"), Gen.Const("1,5"),
            Gen.Const("00:00:05"), Gen.Const("True"), Gen.Const("yes"), Gen.Const("Live"), Gen.Const("paper"), Gen.Const("Sip"),
            Gen.Const("SPY,,QQQ"), Gen.Const("spy;qqq"), Gen.Const("UseDevelopmentStorage=false"), Gen.Const("DefaultEndpointsProtocol=http;AccountName=x"),
            Gen.Const("http://127.0.0.1:10000/devstoreaccount1"), Gen.Const("https://discord.com/api/webhooks/1/tok"),
            Gen.Const("3bc984696c7020b60ae6fac208fe59383e00233d6a755c469d268179398c1a02"), Gen.Const("zz"), Gen.Const("sma-crossover,nope"),
            Gen.Const("rule,lightgbm,???"), Gen.Const("53908232506183680,abc"))),
        (2, Gen.Double.Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.Long.Select(FuzzValues.Invariant)));

    /// <summary>Fuzzes the settings named in <paramref name="example"/> (the local.settings.json.example values).</summary>
    public static FuzzTally Run(IReadOnlyDictionary<string, string> example, long inputs, ulong seed)
    {
        var tally = new FuzzTally(Name);
        var random = new FuzzRandom(seed, 31);
        var names = example.Keys.Order(StringComparer.Ordinal).ToList();
        var known = names.Select(ColonName).Append("AzureWebJobsStorage").ToList();
        var baseline = example.ToDictionary(kv => ColonName(kv.Key), kv => (string?)kv.Value);
        tally.Start();
        for (long i = 0; i < inputs; i++)
        {
            var values = new Dictionary<string, string?>(baseline);
            var fuzzed = new List<string>();
            for (var k = 1 + random.Next(3); k > 0; k--)
            {
                var name = ColonName(random.Pick(names));
                values[name] = random.Draw(Value);
                fuzzed.Add($"{name}={values[name]}");
            }

            Check(tally, values, known, string.Join("; ", fuzzed));
        }

        tally.Stop();
        return tally;
    }

    public static void Check(FuzzTally tally, IReadOnlyDictionary<string, string?> values, IReadOnlyList<string> known, string describe)
    {
        try
        {
            var settings = DeskSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
            if (settings.DiscordProblems.FirstOrDefault(p => !NamesASetting(p, known)) is { } vague)
            {
                tally.RefuseUnclearly(describe, $"Discord problem names no setting: {vague}");
            }
            else
            {
                tally.Accept();
            }
        }
        catch (SettingsException ex)
        {
            if (ex.Problems.FirstOrDefault(p => !NamesASetting(p, known)) is { } vague)
            {
                tally.RefuseUnclearly(describe, $"problem names no setting: {vague}");
            }
            else
            {
                tally.Refuse();
            }
        }
        catch (Exception ex)
        {
            tally.Crash(describe, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>The configuration key of an environment-style name: <c>Desk__Symbols</c> is <c>Desk:Symbols</c>.</summary>
    public static string ColonName(string name) => name.Replace("__", ":", StringComparison.Ordinal);

    private static bool NamesASetting(string problem, IReadOnlyList<string> known) =>
        known.Any(k => problem.Contains(k, StringComparison.OrdinalIgnoreCase));
}
