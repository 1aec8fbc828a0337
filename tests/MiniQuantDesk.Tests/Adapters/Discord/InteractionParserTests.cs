using System.Text;
using MiniQuantDesk.Adapters.Discord.Commands;
using MiniQuantDesk.Adapters.Discord.Interactions;

namespace MiniQuantDesk.Tests.Adapters.Discord;

public sealed class InteractionParserTests
{
    private static InteractionParseResult Parse(string json) => InteractionParser.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void The_spec_slash_command_example_parses_with_the_member_user_as_invoker()
    {
        var result = Parse("""
            {"type":2,"id":"786008729715212338","application_id":"775799577604522054","token":"A_UNIQUE_TOKEN",
             "version":1,"guild_id":"290926798626357999","channel_id":"645027906669510667",
             "member":{"user":{"id":"53908232506183680","username":"mason","global_name":"Mason"},
                       "roles":["539082325061836999"],"permissions":"2147483647"},
             "app_permissions":"442368","locale":"en-US","guild_locale":"en-US","context":0,
             "data":{"id":"771825006014889984","name":"order","type":1,
                     "options":[{"name":"symbol","type":3,"value":"AAPL"},{"name":"qty","type":4,"value":10}]}}
            """);

        var i = Assert.IsType<Interaction>(result.Interaction);
        Assert.Equal(InteractionType.ApplicationCommand, i.Type);
        Assert.Equal("786008729715212338", i.Id);
        Assert.Equal("775799577604522054", i.ApplicationId);
        Assert.Equal("A_UNIQUE_TOKEN", i.Token);
        Assert.Equal("53908232506183680", i.UserId);
        Assert.Equal("290926798626357999", i.GuildId);
        Assert.Equal("order", i.Command!.Name);
        Assert.Null(i.Command.Subcommand);
        Assert.Equal("AAPL", i.Command.GetString("symbol"));
        Assert.Equal(10L, i.Command.GetInteger("qty"));
        Assert.Null(i.Command.GetString("absent"));
        Assert.DoesNotContain("A_UNIQUE_TOKEN", i.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void In_a_DM_the_invoker_is_user_id()
    {
        var i = Parse("""{"type":2,"id":"1","application_id":"2","token":"t","user":{"id":"99"},"data":{"name":"status","type":1}}""").Interaction!;
        Assert.Equal("99", i.UserId);
        Assert.Empty(i.Command!.Options);
    }

    [Fact]
    public void A_subcommand_becomes_Subcommand_with_its_options()
    {
        var i = Parse("""
            {"type":2,"id":"1","application_id":"2","token":"t","member":{"user":{"id":"7"}},
             "data":{"name":"strategy","type":1,"options":[{"name":"enable","type":1,"options":[{"name":"name","type":3,"value":"momo"}]}]}}
            """).Interaction!;
        Assert.Equal("strategy", i.Command!.Name);
        Assert.Equal("enable", i.Command.Subcommand);
        Assert.Equal("momo", i.Command.GetString("name"));
        Assert.Equal("/strategy enable name=momo", i.Command.ToString());
    }

    [Fact]
    public void Number_and_boolean_values_keep_their_meaning()
    {
        var c = Parse("""
            {"type":2,"id":"1","application_id":"2","token":"t","data":{"name":"x","options":[
              {"name":"ratio","type":10,"value":0.25},{"name":"dry","type":5,"value":true}]}}
            """).Interaction!.Command!;
        Assert.Equal(0.25, c.GetNumber("ratio"));
        Assert.True(c.GetBoolean("dry"));
        Assert.Equal(CommandOptionType.Number, c.Options[0].Type);
    }

    [Fact]
    public void Ping_and_button_click_parse()
    {
        var ping = Parse("""{"type":1,"id":"1234567890","application_id":"1122334455","token":"tok","version":1}""").Interaction!;
        Assert.Equal(InteractionType.Ping, ping.Type);
        Assert.Null(ping.Command);

        var click = Parse("""
            {"type":3,"id":"1","application_id":"2","token":"t","member":{"user":{"id":"7"}},
             "message":{"id":"555"},"data":{"custom_id":"kill:confirm:1735689900:9f3c","component_type":2}}
            """).Interaction!;
        Assert.Equal(InteractionType.MessageComponent, click.Type);
        Assert.Equal("kill:confirm:1735689900:9f3c", click.Component!.CustomId);
        Assert.Equal(2, click.Component.ComponentType);
        Assert.Equal("555", click.Component.MessageId);
    }

    [Theory]
    [InlineData("", "not JSON")]
    [InlineData("{", "not JSON")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("""{"id":"1","application_id":"2","token":"t"}""", "type is missing")]
    [InlineData("""{"type":"2","id":"1","application_id":"2","token":"t"}""", "type is not a whole number")]
    [InlineData("""{"type":2.5,"id":"1","application_id":"2","token":"t"}""", "type is not a whole number")]
    [InlineData("""{"type":99,"id":"1","application_id":"2","token":"t"}""", "type 99 is not a known interaction type")]
    [InlineData("""{"type":1,"id":1,"application_id":"2","token":"t"}""", "id is not a string")]
    [InlineData("""{"type":1,"id":"1","application_id":"2"}""", "token is missing")]
    [InlineData("""{"type":2,"id":"1","application_id":"2","token":"t"}""", "data is missing")]
    [InlineData("""{"type":2,"id":"1","application_id":"2","token":"t","data":{}}""", "data.name is missing")]
    [InlineData("""{"type":2,"id":"1","application_id":"2","token":"t","data":{"name":"x","options":{}}}""", "data.options is not an array")]
    [InlineData("""{"type":2,"id":"1","application_id":"2","token":"t","data":{"name":"x","options":[{"name":"a","type":3,"value":[1]}]}}""", "data.options[0].value is not")]
    [InlineData("""{"type":3,"id":"1","application_id":"2","token":"t","data":{}}""", "data.custom_id is missing")]
    [InlineData("""{"type":1,"id":"1","application_id":"2","token":"t","member":{"user":{"id":5}}}""", "member.user.id is not a string")]
    public void Malformed_bodies_give_an_error_naming_the_problem_and_never_throw(string json, string expected)
    {
        var result = Parse(json);
        Assert.False(result.IsValid);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_JSON_is_an_error_not_a_stack_overflow()
    {
        var json = """{"type":1,"id":"1","application_id":"2","token":"t","x":""" + new string('[', 5000) + new string(']', 5000) + "}";
        Assert.False(Parse(json).IsValid);
    }
}
