using System.Diagnostics.CodeAnalysis;

namespace Samordna.Web.Platform.Sms;

/// <summary>
/// Swedish mobile numbers: 070, 072, 073, 076 and 079 followed by seven digits, written as 070-123 45 67,
/// +46 70 123 45 67 or 0046 70 123 45 67, normalised to +46701234567 (E.164).
/// </summary>
public static class SwedishMobileNumber
{
    /// <summary>The second digit after 07 of Swedish numbers for mobile phones (071 is for machines, 074 for pagers).</summary>
    private const string MobileSeries = "02369";

    /// <summary>Normalises a typed number to +467xxxxxxxx; otherwise gives a Swedish message saying what is wrong.</summary>
    public static bool TryNormalize(string? input, [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? error)
    {
        normalized = null;
        var text = (input ?? "").Trim();
        if (text.Length == 0)
        {
            error = "Skriv ett mobilnummer, t.ex. 070-123 45 67.";
            return false;
        }
        if (text.Length > 30 || text.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '+' or '(' or ')' or '.' or '\u00A0')))
        {
            error = "Mobilnumret får bara innehålla siffror, mellanslag, bindestreck och + först, t.ex. 070-123 45 67.";
            return false;
        }
        if (text.LastIndexOf('+') > 0)
        {
            error = "Plustecknet får bara stå först i numret, t.ex. +46 70 123 45 67.";
            return false;
        }
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        string national;
        if (text.StartsWith('+'))
        {
            if (!digits.StartsWith("46", StringComparison.Ordinal))
            {
                error = "Bara svenska mobilnummer (+46) kan få sms härifrån.";
                return false;
            }
            national = digits[2..].TrimStart('0');
        }
        else if (digits.StartsWith("0046", StringComparison.Ordinal))
        {
            national = digits[4..].TrimStart('0');
        }
        else if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            error = "Bara svenska mobilnummer (+46) kan få sms härifrån.";
            return false;
        }
        else if (digits.StartsWith('0'))
        {
            national = digits[1..];
        }
        else
        {
            error = "Mobilnumret ska börja med 07 eller +46, t.ex. 070-123 45 67.";
            return false;
        }

        if (!national.StartsWith('7') || national.Length < 2 || !MobileSeries.Contains(national[1], StringComparison.Ordinal))
        {
            error = national.StartsWith('7')
                ? "Numret är inget mobilnummer för personer. Svenska mobilnummer börjar med 070, 072, 073, 076 eller 079."
                : "Det ser ut som ett fast telefonnummer. Skriv ett mobilnummer som börjar med 07, t.ex. 070-123 45 67.";
            return false;
        }
        if (national.Length != 9)
        {
            error = national.Length < 9
                ? "Mobilnumret är för kort. Ett mobilnummer har tio siffror, t.ex. 070-123 45 67."
                : "Mobilnumret är för långt. Ett mobilnummer har tio siffror, t.ex. 070-123 45 67.";
            return false;
        }
        normalized = "+46" + national;
        error = null;
        return true;
    }

    /// <summary>Whether the value is already a normalised Swedish mobile number.</summary>
    public static bool IsNormalized(string? value) =>
        value is { Length: 12 } && value.StartsWith("+467", StringComparison.Ordinal) && value[1..].All(char.IsAsciiDigit)
        && MobileSeries.Contains(value[4], StringComparison.Ordinal);

    /// <summary>"+46 70-*** **67" for a normalised number: enough for staff to tell invites apart, too little to call.</summary>
    public static string Mask(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        return IsNormalized(normalized) ? $"+46 {normalized[3..5]}-*** **{normalized[^2..]}" : "***";
    }

    /// <summary>"070-123 45 67", how Swedes write a number, for showing to the person who typed it.</summary>
    public static string Format(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        return IsNormalized(normalized) ? $"0{normalized[3..5]}-{normalized[5..8]} {normalized[8..10]} {normalized[10..12]}" : normalized;
    }
}
