using System.Globalization;
using MiniQuantDesk.Adapters.Discord.Messages;

namespace MiniQuantDesk.Functions.Discord;

/// <summary>
/// How the desk's answers look: one embed, a title that says the outcome, short inline fields (two or three
/// fit across a phone screen), money as $1,234.56 with a sign where it is a change.
/// </summary>
public static class EmbedStyle
{
    public const int Green = 0x2ECC71;
    public const int Red = 0xE74C3C;
    public const int Amber = 0xF1C40F;
    public const int Blue = 0x3498DB;
    public const int Grey = 0x95A5A6;

    public static DiscordMessage Embed(string title, int color, string? description = null, IReadOnlyList<EmbedField>? fields = null, string? footer = null) =>
        DiscordMessage.Of(new DiscordEmbed { Title = title, Color = color, Description = description, Fields = fields ?? [], FooterText = footer });

    public static DiscordMessage Refusal(string text) => Embed("Not allowed", Red, text);

    public static DiscordMessage Failure(string title, string text) => Embed(title, Red, text);

    public static EmbedField Field(string name, string value, bool inline = true) => new(name, value.Length == 0 ? "—" : value, inline);

    public static string Money(decimal value) => value.ToString("$#,##0.00;-$#,##0.00", CultureInfo.InvariantCulture);

    public static string Change(decimal value) => value.ToString("+$#,##0.00;-$#,##0.00;$0.00", CultureInfo.InvariantCulture);

    public static string Percent(decimal fraction) => (fraction * 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    public static string Quantity(decimal value) => value.ToString("0.########", CultureInfo.InvariantCulture);

    public static int ColorOf(decimal change) => change > 0m ? Green : change < 0m ? Red : Grey;

    public static string Ago(TimeSpan age) => age.TotalSeconds < 90
        ? age.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s ago"
        : age.TotalMinutes < 90 ? age.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) + " min ago"
        : age.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " h ago";
}
