namespace Samordna.Web.Platform.Sms;

/// <summary>
/// How many SMS parts a text takes: 160 characters in one part and 153 per part when split with the GSM 7-bit
/// alphabet (which has å, ä, ö, é and ü), 70 and 67 when a character outside it (an emoji, say) forces UCS-2.
/// </summary>
public static class SmsSegments
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extended = "^{}\\[~]|€\f";

    public static bool IsGsm7(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.All(c => Basic.Contains(c, StringComparison.Ordinal) || Extended.Contains(c, StringComparison.Ordinal));
    }

    public static int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsGsm7(text))
        {
            var septets = text.Sum(c => Extended.Contains(c, StringComparison.Ordinal) ? 2 : 1);
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }
        // UTF-16 code units: an emoji outside the BMP takes two.
        return text.Length <= 70 ? 1 : (text.Length + 66) / 67;
    }
}
