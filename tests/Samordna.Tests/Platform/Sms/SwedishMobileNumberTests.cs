using Samordna.Web.Platform.Sms;

namespace Samordna.Tests.Platform.Sms;

public sealed class SwedishMobileNumberTests
{
    [Theory]
    [InlineData("070-123 45 67", "+46701234567")]
    [InlineData("0701234567", "+46701234567")]
    [InlineData(" 073 - 987 65 43 ", "+46739876543")]
    [InlineData("+46 70 123 45 67", "+46701234567")]
    [InlineData("+46701234567", "+46701234567")]
    [InlineData("+46 (0)70-123 45 67", "+46701234567")]
    [InlineData("0046 76 123 45 67", "+46761234567")]
    [InlineData("0046701234567", "+46701234567")]
    [InlineData("072-000 11 22", "+46720001122")]
    [InlineData("079-555 66 77", "+46795556677")]
    public void Mobile_numbers_in_every_usual_form_are_normalised(string typed, string expected)
    {
        Assert.True(SwedishMobileNumber.TryNormalize(typed, out var normalized, out var error), error);
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("08-123 456 78", "fast telefonnummer")]
    [InlineData("031-12 34 56", "fast telefonnummer")]
    [InlineData("+46 8 123 456 78", "fast telefonnummer")]
    [InlineData("070-123 45 6", "för kort")]
    [InlineData("070-123 45 678", "för långt")]
    [InlineData("+46 70 123 45", "för kort")]
    [InlineData("071-123 45 67", "inget mobilnummer för personer")]
    [InlineData("+47 912 34 567", "svenska mobilnummer")]
    [InlineData("0047 912 34 567", "svenska mobilnummer")]
    [InlineData("701234567", "börja med 07")]
    [InlineData("070-ABC 45 67", "bara innehålla siffror")]
    [InlineData("070+1234567", "Plustecknet")]
    [InlineData("", "Skriv ett mobilnummer")]
    [InlineData("   ", "Skriv ett mobilnummer")]
    public void Landlines_foreign_and_wrong_lengths_are_refused_with_a_Swedish_message(string typed, string messagePart)
    {
        Assert.False(SwedishMobileNumber.TryNormalize(typed, out var normalized, out var error));
        Assert.Null(normalized);
        Assert.Contains(messagePart, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_is_masked_to_its_series_and_last_two_digits()
    {
        Assert.Equal("+46 70-*** **67", SwedishMobileNumber.Mask("+46701234567"));
        Assert.Equal("070-123 45 67", SwedishMobileNumber.Format("+46701234567"));
        Assert.Equal("***", SwedishMobileNumber.Mask("nonsense"));
    }

    [Theory]
    [InlineData("Hej! Välkommen till HoppetOnline, vår digitala mötesplats.", 1)]
    [InlineData("Hej 😀", 1)]
    public void Segments_are_counted_with_the_GSM_alphabet_or_UCS2(string text, int expected)
    {
        Assert.Equal(expected, SmsSegments.Count(text));
    }

    [Fact]
    public void Swedish_letters_keep_the_GSM_alphabet_but_an_emoji_does_not()
    {
        Assert.True(SmsSegments.IsGsm7("Åsa äter ölandskaka på Öland"));
        Assert.Equal(2, SmsSegments.Count(new string('å', 161)));
        Assert.Equal(3, SmsSegments.Count(new string('a', 100) + "😀" + new string('a', 60)));
    }
}

public sealed class SmsOptionsTests
{
    [Theory]
    [InlineData("Hoppet", true)]
    [InlineData("Samordna", true)]
    [InlineData("HoppetOnline", false)]
    [InlineData("Hoppet Väsby", false)]
    [InlineData("1Hoppet", false)]
    [InlineData("", false)]
    public void The_sender_is_at_most_eleven_letters_and_digits(string from, bool valid)
    {
        var result = new SmsOptionsValidator().Validate(null, new SmsOptions { From = from });
        Assert.Equal(valid, result.Succeeded);
    }

    [Fact]
    public void The_http_provider_needs_an_address_and_credentials()
    {
        var result = new SmsOptionsValidator().Validate(null, new SmsOptions { Provider = "Http" });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Sms:Http:Url", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Sms:Http:Username", StringComparison.Ordinal));
        Assert.True(new SmsOptionsValidator().Validate(null, new SmsOptions { Provider = "Telegraf" }).Failed);
    }
}
