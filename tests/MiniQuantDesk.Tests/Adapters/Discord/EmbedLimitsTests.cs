using MiniQuantDesk.Adapters.Discord.Messages;

namespace MiniQuantDesk.Tests.Adapters.Discord;

/// <summary>Each limit of spec §4, with lengths written out by hand.</summary>
public sealed class EmbedLimitsTests
{
    private static DiscordEmbed FitOne(DiscordEmbed embed) => Assert.Single(EmbedLimits.Fit(DiscordMessage.Of(embed)).Embeds);

    [Theory]
    [InlineData(256, 256, false)]
    [InlineData(257, 256, true)]
    [InlineData(1000, 256, true)]
    public void Title_is_cut_at_256_with_an_ellipsis(int length, int expected, bool cut)
    {
        var title = FitOne(new DiscordEmbed { Title = new string('x', length) }).Title!;
        Assert.Equal(expected, title.Length);
        Assert.Equal(cut, title.EndsWith('…'));
    }

    [Fact]
    public void Each_text_limit_holds()
    {
        var e = FitOne(new DiscordEmbed
        {
            Description = new string('d', 4097),
            AuthorName = new string('a', 257),
            FooterText = new string('f', 2049),
            Fields = [new EmbedField(new string('n', 257), new string('v', 1025))],
        });
        // 4096 + 256 + 256 + 1024 + 2048 = 7680 > 6000: the footer, last in reading order, gets what is left.
        Assert.Equal(4096, e.Description!.Length);
        Assert.Equal(256, e.AuthorName!.Length);
        Assert.Equal(256, e.Fields[0].Name.Length);
        Assert.Equal(1024, e.Fields[0].Value.Length);
        Assert.Equal(6000 - 4096 - 256 - 256 - 1024, e.FooterText!.Length);
    }

    [Fact]
    public void Twenty_six_fields_become_twenty_five_and_eleven_embeds_ten()
    {
        var fields = Enumerable.Range(0, 26).Select(i => new EmbedField("n", "v")).ToList();
        Assert.Equal(25, FitOne(new DiscordEmbed { Fields = fields }).Fields.Count);
        var message = new DiscordMessage { Embeds = Enumerable.Range(0, 11).Select(_ => new DiscordEmbed { Title = "t" }).ToList() };
        Assert.Equal(10, EmbedLimits.Fit(message).Embeds.Count);
    }

    [Fact]
    public void Content_is_cut_at_2000_and_whitespace_is_trimmed_first()
    {
        Assert.Equal(2000, EmbedLimits.Fit(DiscordMessage.Text(new string('c', 2001))).Content!.Length);
        Assert.Equal("hi", EmbedLimits.Fit(DiscordMessage.Text("  hi \n")).Content);
        Assert.Equal(256, FitOne(new DiscordEmbed { Title = "   " + new string('x', 256) + "   " }).Title!.Length);
    }

    [Fact]
    public void The_6000_total_spans_embeds_and_drops_what_is_left_empty()
    {
        var big = new DiscordEmbed { Description = new string('d', 4096) };
        var fitted = EmbedLimits.Fit(new DiscordMessage { Embeds = [big, big, big] });
        // 4096 + 1904 = 6000; the third embed has nothing left and is dropped.
        Assert.Equal(2, fitted.Embeds.Count);
        Assert.Equal(1904, fitted.Embeds[1].Description!.Length);
        Assert.Equal(6000, EmbedLimits.CountedLength(fitted.Embeds));
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        // "📈" is two UTF-16 units; 128 of them = 256 units; a 257th unit pushes the cut into a pair.
        var title = FitOne(new DiscordEmbed { Title = "a" + string.Concat(Enumerable.Repeat("📈", 128)) }).Title!;
        Assert.True(title.Length <= 256);
        Assert.EndsWith("📈…", title, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_the_limits_nothing_changes()
    {
        var embed = new DiscordEmbed { Title = "Filled", Description = "BUY 10 AAPL", Fields = [new EmbedField("Strategy", "momo", true)], FooterText = "paper" };
        Assert.Equal(embed.Title, FitOne(embed).Title);
        Assert.Equal(embed.Fields, FitOne(embed).Fields);
    }
}
