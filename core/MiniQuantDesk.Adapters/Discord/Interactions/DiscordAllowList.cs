namespace MiniQuantDesk.Adapters.Discord.Interactions;

/// <summary>
/// The Discord user ids allowed to command the desk (<c>Discord__AllowedUserIds</c>, comma-separated snowflakes).
/// Checked on every command and every button click: Discord's own permission defaults can be changed by server
/// admins, and anyone who sees a message can click its buttons. Empty = nobody.
/// </summary>
public sealed class DiscordAllowList
{
    private readonly HashSet<string> ids;

    private DiscordAllowList(HashSet<string> ids) => this.ids = ids;

    public static DiscordAllowList Empty { get; } = new([]);

    public IReadOnlyCollection<string> UserIds => ids;

    public bool Allows(string? userId) => userId is not null && ids.Contains(userId);

    /// <summary>Parses "id1, id2"; <paramref name="errors"/> names each entry that is not a snowflake.</summary>
    public static DiscordAllowList Parse(string? commaSeparated, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in (commaSeparated ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (IsSnowflake(entry))
            {
                set.Add(entry);
            }
            else
            {
                problems.Add($"Discord:AllowedUserIds entry '{entry}' is not a user id (a snowflake: 1 to 20 digits)");
            }
        }

        errors = problems;
        return new DiscordAllowList(set);
    }

    /// <summary>A Discord id: decimal digits of an unsigned 64-bit number, no sign, no leading zero.</summary>
    public static bool IsSnowflake(string? text) =>
        text is { Length: > 0 and <= 20 }
        && text.All(char.IsAsciiDigit)
        && (text.Length == 1 || text[0] != '0')
        && ulong.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _);
}
