using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Samordna.Web.Platform.Web;

/// <summary>Model binding's built-in messages in Swedish; the defaults are English and name C# types.</summary>
public static class SwedishModelBinding
{
    public static void Configure(DefaultModelBindingMessageProvider p)
    {
        ArgumentNullException.ThrowIfNull(p);
        p.SetMissingBindRequiredValueAccessor(name => $"Fältet {name} saknas.");
        p.SetMissingKeyOrValueAccessor(() => "Ett värde saknas.");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "Formuläret var tomt.");
        p.SetValueMustNotBeNullAccessor(_ => "Fältet måste fyllas i.");
        p.SetAttemptedValueIsInvalidAccessor((value, _) => $"Värdet \"{value}\" är inte giltigt.");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Värdet \"{value}\" är inte giltigt.");
        p.SetUnknownValueIsInvalidAccessor(_ => "Värdet är inte giltigt.");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Värdet är inte giltigt.");
        p.SetValueIsInvalidAccessor(value => $"Värdet \"{value}\" är inte giltigt.");
        p.SetValueMustBeANumberAccessor(_ => "Fältet måste vara ett tal.");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "Fältet måste vara ett tal.");
    }
}
